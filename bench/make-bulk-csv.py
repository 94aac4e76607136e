#!/usr/bin/env python3
"""Writes the CSV of the `bulk` workload: 10,000 users, each to be granted a Teams policy.

Usage: bench/make-bulk-csv.py [PATH] [--users N]

Columns: UserPrincipalName,PolicyName. Users are user00001@JayTheAmazing.onmicrosoft.com and
on; the policy alternates between the default world's two enhanced encryption presets,
Tag:Disabled and Tag:UserControlled. The output is deterministic. PATH defaults to
bulk-users.csv in the current folder.

With --world PATH it also writes the world fixture bulk.ps1 imports: a tenant file (schema 1)
holding those users (the rest of the world is the default one).
"""

import argparse
import csv
import json

POLICIES = ("Tag:Disabled", "Tag:UserControlled")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="bulk-users.csv")
    parser.add_argument("--users", type=int, default=10000)
    parser.add_argument("--world")
    arguments = parser.parse_args()
    if arguments.world:
        users = [{"userPrincipalName": f"user{number:05}@JayTheAmazing.onmicrosoft.com",
                  "displayName": f"User {number:05}"} for number in range(1, arguments.users + 1)]
        world = {"schemaVersion": 1, "tenant": {"displayName": "JayTheAmazing",
                                                "initialDomain": "JayTheAmazing.onmicrosoft.com",
                                                "users": users}}
        with open(arguments.world, "w", encoding="utf-8") as handle:
            json.dump(world, handle, indent=1)
    with open(arguments.path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["UserPrincipalName", "PolicyName"])
        for number in range(1, arguments.users + 1):
            writer.writerow([f"user{number:05}@JayTheAmazing.onmicrosoft.com",
                             POLICIES[number % len(POLICIES)]])


if __name__ == "__main__":
    main()
