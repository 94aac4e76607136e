/// The PowerShellFormatting target; see DESIGN.md.
enum PowerShellFormattingTarget {}
