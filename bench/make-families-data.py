#!/usr/bin/env python3
"""Writes the data of the `families` and `filter` workloads into a folder.

Usage: bench/make-families-data.py [FOLDER] [--users N]

  families-world.json  a tenant file (schema 1) with N users (user000001@JayTheAmazing.onmicrosoft.com …)
                       and no assignments; the rest of the world is the default one
  families-grants.csv  N rows UserPrincipalName,PolicyType,PolicyName: each user gets one policy of
                       one of three families (meeting, messaging, calling), in turn
  filter-world.json    the same users with those N assignments already made (direct assignments)

The output is deterministic. N defaults to 100,000.
"""

import argparse
import csv
import json
import os

ASSIGNMENTS = (
    ("TeamsMeetingPolicy", ("Kiosk", "AllOff")),
    ("TeamsMessagingPolicy", ("EduStudent", "EduFaculty")),
    ("TeamsCallingPolicy", ("AllowCalling", "DisallowCalling")),
)


def assignment(number):
    policy_type, names = ASSIGNMENTS[number % 3]
    return policy_type, names[(number // 3) % 2]


def world(users, with_policies):
    records = []
    for number in range(1, users + 1):
        record = {"userPrincipalName": f"user{number:06}@JayTheAmazing.onmicrosoft.com",
                  "displayName": f"User {number:06}"}
        if with_policies:
            policy_type, name = assignment(number)
            record["policies"] = {policy_type: name}
        records.append(record)
    return {"schemaVersion": 1, "tenant": {"displayName": "JayTheAmazing",
                                           "initialDomain": "JayTheAmazing.onmicrosoft.com", "users": records}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=".")
    parser.add_argument("--users", type=int, default=100000)
    arguments = parser.parse_args()
    for name, with_policies in (("families-world.json", False), ("filter-world.json", True)):
        with open(os.path.join(arguments.folder, name), "w", encoding="utf-8") as handle:
            json.dump(world(arguments.users, with_policies), handle)
    with open(os.path.join(arguments.folder, "families-grants.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["UserPrincipalName", "PolicyType", "PolicyName"])
        for number in range(1, arguments.users + 1):
            writer.writerow([f"user{number:06}@JayTheAmazing.onmicrosoft.com", *assignment(number)])


if __name__ == "__main__":
    main()
