import PowerShellRuntime

/// Write-Output, Write-Host and Out-Null: the plainest ways objects and text leave a script.
enum OutputCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Write-Output", WriteOutputCommand.self),
        ("Write-Host", WriteHostCommand.self),
        ("Out-Null", OutNullCommand.self),
    ]
}

/// `Write-Output [-InputObject] <psobject[]> [-NoEnumerate]`
final class WriteOutputCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        guard let v = rt.bound["InputObject"] else { return }
        try rt.writeObject(v, enumerate: !rt.bound.isOn("NoEnumerate"))
    }
}

/// `Write-Host [[-Object] <Object>] [-NoNewline] [-Separator <Object>] [-ForegroundColor …]`
final class WriteHostCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        let separator = rt.bound["Separator"].map { Conversion.toString($0, hooks: rt.context.hooks) } ?? " "
        var text = ""
        if let v = rt.bound["Object"] {
            if let items = Conversion.enumerate(v) {
                text = items.map { Conversion.toString($0, hooks: rt.context.hooks) }.joined(separator: separator)
            } else {
                text = Conversion.toString(v, hooks: rt.context.hooks)
            }
        }
        try rt.writeHost(text, noNewline: rt.bound.isOn("NoNewline"))
    }
}

/// `Out-Null`: discards its input.
final class OutNullCommand: Cmdlet {}
