"""The filter workload in python3: the world file, then the users counted whose direct
assignments match the two filters."""
import fnmatch
import json

with open("filter-world.json", encoding="utf-8") as handle:
    users = json.load(handle)["tenant"]["users"]
print(sum(1 for u in users if u.get("policies", {}).get("TeamsMeetingPolicy", "").lower() == "kiosk"))
print(sum(1 for u in users if fnmatch.fnmatch(u.get("policies", {}).get("TeamsCallingPolicy", "").lower(), "allow*")
          and fnmatch.fnmatch(u["displayName"].lower(), "user 0*")))
