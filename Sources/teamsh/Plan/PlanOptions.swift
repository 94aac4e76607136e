/// What the command line says about a plan: `-Plan`, and `-OutputFormat Json`, the plan's form
/// (pwsh's own formats, Text and XML, are read with the other switches).
struct PlanOptions {
    var enabled = false
    var format: PlanRunner.Format = .text
    /// The `-OutputFormat` value that chose Json, as written.
    var jsonGiven: String?

    /// Takes an `-OutputFormat` value that is the plan's (`Json`, in any case); false for others.
    mutating func readFormat(_ value: String) -> Bool {
        guard value.caseInsensitiveCompare("json") == .orderedSame else { return false }
        format = .json
        jsonGiven = value
        return true
    }

    /// The plan runner for the command line, or nil without -Plan. Refuses -Plan without a
    /// script, with -NoExit or with -OutputFormat XML; without -Plan, Json is not a format, as
    /// in pwsh (its BadFormatParameterValue message).
    func runner(for options: CommandLineOptions, tenantPath: String?) throws -> PlanRunner? {
        guard enabled else {
            if let jsonGiven {
                throw CommandLineOptions.UsageError(
                    message: CommandLineOptions.Text.badFormat(jsonGiven, CommandLineOptions.DataFormat.allCases), showHelp: true)
            }
            return nil
        }
        if options.noExit {
            throw CommandLineOptions.UsageError(message: "-Plan runs the script and prints the plan; it cannot go on interactively (-NoExit).")
        }
        if options.outputFormat == .xml {
            throw CommandLineOptions.UsageError(message: "-Plan prints its plan as Text or Json, not XML.")
        }
        let script: String
        switch options.mode {
        case .file(let path, _): script = path
        case .command, .commandFromStdin: script = "-Command"
        case .interactive, .version, .help, .golden:
            throw CommandLineOptions.UsageError(
                message: "-Plan needs a script: teamsh -Plan script.ps1, or teamsh -Plan -Command TEXT.")
        }
        return PlanRunner(script: script, format: format, tenantPath: tenantPath)
    }
}
