/// The PowerShellCmdlets target; see DESIGN.md.
enum PowerShellCmdletsTarget {}
