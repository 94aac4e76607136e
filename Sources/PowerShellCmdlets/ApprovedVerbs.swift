/// PowerShell's approved verbs and their groups (the VerbsCommon, VerbsData, VerbsLifecycle,
/// VerbsDiagnostic, VerbsCommunications, VerbsSecurity and VerbsOther classes of pwsh's
/// Verbs.cs at v7.6.5). Import-Module warns about commands whose verb is not one of them.
public enum ApprovedVerbs {
    public static let groups: [(group: String, verbs: [String])] = [
        ("Common", ["Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New",
                    "Open", "Optimize", "Push", "Pop", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set",
                    "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch"]),
        ("Data", ["Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit",
                  "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore",
                  "Save", "Sync", "Unpublish", "Update"]),
        ("Lifecycle", ["Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install",
                       "Invoke", "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall",
                       "Unregister", "Wait"]),
        ("Diagnostic", ["Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace"]),
        ("Communications", ["Connect", "Disconnect", "Read", "Receive", "Send", "Write"]),
        ("Security", ["Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect"]),
        ("Other", ["Use"]),
    ]

    private static let folded: Set<String> = Set(groups.flatMap { $0.verbs.map { $0.lowercased() } })

    /// Whether a verb is approved (case-insensitive, as pwsh's Verbs.IsStandard).
    public static func isApproved(_ verb: String) -> Bool {
        folded.contains(verb.lowercased())
    }
}
