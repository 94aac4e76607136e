/// The command-line flags of `-Plan`: `-Plan` and `-OutputFormat Text|Json` (`-o`, `-of`), read
/// apart from teamsh's other flags so they stay one small piece of the command line.
struct PlanOptions {
    var enabled = false
    var format: PlanRunner.Format = .text
    /// The `-OutputFormat` value as given (Json needs -Plan).
    var formatGiven: String?

    /// Reads `-Plan`, or `-OutputFormat` and its value at `args[next]`, given the flag without
    /// dashes in lower case; returns the index after what it read, nil for any other flag.
    static func parse(_ flag: String, _ args: [String], next: Int, into options: inout PlanOptions) throws -> Int? {
        if flag.count >= 2 && "plan".hasPrefix(flag) {
            options.enabled = true
            return next
        }
        guard flag == "o" || flag == "of" || (flag.count >= 2 && "outputformat".hasPrefix(flag)) else { return nil }
        guard next < args.count else {
            throw CommandLineOptions.UsageError(message: "Missing the argument to the -OutputFormat parameter.")
        }
        let value = args[next]
        switch value.lowercased() {
        case "text": options.format = .text
        case "json": options.format = .json
        default:
            // NOTE: pwsh also takes XML (CLIXML serialization), which teamsh does not write.
            throw CommandLineOptions.UsageError(message: "The -OutputFormat value '\(value)' is not one teamsh writes: use Text, or Json with -Plan.")
        }
        options.formatGiven = value
        return next + 1
    }

    /// The plan runner for the command line's script, or nil without -Plan; refuses -Plan with no
    /// script and -OutputFormat Json without -Plan.
    func runner(for mode: CommandLineOptions.Mode, tenantPath: String?, nonInteractive: Bool) throws -> PlanRunner? {
        guard enabled else {
            if format == .json {
                throw CommandLineOptions.UsageError(message: "-OutputFormat Json is the form of a plan: use it with -Plan.")
            }
            return nil
        }
        switch mode {
        case .file(let path, let arguments):
            return PlanRunner(script: .file(path: path, arguments: arguments), format: format, tenantPath: tenantPath,
                              nonInteractive: nonInteractive)
        case .command(let text):
            return PlanRunner(script: .command(text), format: format, tenantPath: tenantPath, nonInteractive: nonInteractive)
        default:
            throw CommandLineOptions.UsageError(message: "-Plan needs a script: teamsh -Plan script.ps1, or teamsh -Plan -Command TEXT.")
        }
    }
}
