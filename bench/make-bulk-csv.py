#!/usr/bin/env python3
"""Writes the CSV of the `bulk` workload: 10,000 users, each to be granted a Teams policy.

Usage: bench/make-bulk-csv.py [PATH] [--users N]

Columns: UserPrincipalName,PolicyName. Users are user00001@JayTheAmazing.onmicrosoft.com and
on; the policy alternates between the default world's two enhanced encryption presets,
Tag:Disabled and Tag:UserControlled. The output is deterministic. PATH defaults to
bulk-users.csv in the current folder.

The bulk.ps1 workload (Import-Csv, then Grant-CsTeamsEnhancedEncryptionPolicy per row) also
needs a world fixture holding these users; both come once the tenant JSON schema is settled.
"""

import argparse
import csv

POLICIES = ("Tag:Disabled", "Tag:UserControlled")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="bulk-users.csv")
    parser.add_argument("--users", type=int, default=10000)
    arguments = parser.parse_args()
    with open(arguments.path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["UserPrincipalName", "PolicyName"])
        for number in range(1, arguments.users + 1):
            writer.writerow([f"user{number:05}@JayTheAmazing.onmicrosoft.com",
                             POLICIES[number % len(POLICIES)]])


if __name__ == "__main__":
    main()
