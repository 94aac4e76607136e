"""The families workload in python3: the world file, one assignment per CSV row (refusing an
unknown user or policy, as Grant does), then the direct assignments counted per policy."""
import csv
import json
import sys

INSTANCES = {
    "TeamsMeetingPolicy": {"allon", "restrictedanonymousaccess", "alloff", "restrictedanonymousnorecording", "default", "kiosk"},
    "TeamsMessagingPolicy": {"default", "edufaculty", "edustudent"},
    "TeamsCallingPolicy": {"allowcalling", "disallowcalling", "allowcallingpreventtollbypass", "allowcallingpreventforwardingtophone"},
}

with open("families-world.json", encoding="utf-8") as handle:
    users = {u["userPrincipalName"].lower(): {} for u in json.load(handle)["tenant"]["users"]}
with open("families-grants.csv", newline="", encoding="utf-8") as handle:
    for row in csv.DictReader(handle):
        policies = users.get(row["UserPrincipalName"].lower())
        if policies is None or row["PolicyName"].lower() not in INSTANCES[row["PolicyType"]]:
            sys.exit(f"cannot grant {row}")
        policies[row["PolicyType"]] = row["PolicyName"]
for check in ("TeamsMeetingPolicy Kiosk", "TeamsMessagingPolicy EduStudent", "TeamsCallingPolicy DisallowCalling"):
    policy_type, name = check.split(" ")
    count = sum(1 for p in users.values() if p.get(policy_type, "").lower() == name.lower())
    print(f"{policy_type} {name}: {count}")
