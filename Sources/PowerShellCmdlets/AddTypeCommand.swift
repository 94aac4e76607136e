import Foundation
import PowerShellRuntime

/// `Add-Type`, after pwsh's AddType.cs and AddTypeStrings.resx (v7.6.5) and Add-Type.Tests.ps1:
///
/// - `-AssemblyName`: an assembly pwsh 7.6 can load by name (the .NET shared framework's and
///   pwsh's own, which teamsh models as far as it models their types) loads silently. Any other
///   name is looked for as `NAME.dll` in the current folder: missing, that is pwsh's
///   ItemNotFoundException (PathNotFound); a name with a wildcard that matches nothing, or a
///   relative path that does not resolve, is ErrorLoadingAssembly; a rooted path that does not
///   exist is .NET's FileNotFoundException.
/// - `-Path`/`-LiteralPath`: only `.cs` and `.dll` files (EXTENSION_NOT_SUPPORTED otherwise,
///   with the upper-cased extension), all of one kind.
/// - `-OutputType` other than Library is not supported on .NET Core.
///
/// NOTE: teamsh does not compile C#. `-TypeDefinition`, `-MemberDefinition` and `.cs` files end
/// as pwsh ends a failed compilation: a SOURCE_CODE_ERROR that says why, then the terminating
/// COMPILER_ERRORS ("Cannot add type. Compilation errors occurred."). Loading a `.dll` file
/// is refused the same way. `-PassThru` with `-AssemblyName` writes nothing (pwsh writes every
/// type of the assembly).
final class AddTypeCommand: Cmdlet {
    /// Assemblies `Assembly.Load(name)` finds in pwsh 7.6 on Linux (lower-cased simple names).
    static let loadableAssemblies: Set<String> = [
        "mscorlib", "netstandard", "system", "system.core", "system.data", "system.drawing", "system.numerics", "system.runtime",
        "system.runtime.extensions", "system.runtime.serialization", "system.runtime.serialization.primitives",
        "system.runtime.serialization.json", "system.runtime.serialization.xml", "system.runtime.interopservices",
        "system.runtime.numerics", "system.runtime.loader", "system.private.corelib", "system.private.uri", "system.web",
        "system.web.httputility", "system.net", "system.net.http", "system.net.primitives", "system.net.mail",
        "system.net.networkinformation", "system.net.sockets", "system.net.webclient", "system.net.requests",
        "system.net.security", "system.net.nameresolution", "system.net.ping", "system.collections",
        "system.collections.concurrent", "system.collections.nongeneric", "system.collections.specialized",
        "system.collections.immutable", "system.componentmodel", "system.componentmodel.primitives",
        "system.componentmodel.typeconverter", "system.componentmodel.annotations", "system.componentmodel.dataannotations",
        "system.console", "system.diagnostics.process", "system.diagnostics.debug", "system.diagnostics.tracesource",
        "system.diagnostics.diagnosticsource", "system.globalization", "system.io", "system.io.compression",
        "system.io.compression.filesystem", "system.io.compression.zipfile", "system.io.filesystem", "system.io.pipes",
        "system.linq", "system.linq.expressions", "system.memory", "system.reflection", "system.reflection.emit",
        "system.reflection.metadata", "system.resources.resourcemanager", "system.security", "system.security.claims",
        "system.security.cryptography", "system.security.cryptography.algorithms", "system.security.cryptography.primitives",
        "system.security.cryptography.x509certificates", "system.security.principal", "system.security.securestring",
        "system.text.encoding", "system.text.encoding.extensions", "system.text.encodings.web", "system.text.json",
        "system.text.regularexpressions", "system.threading", "system.threading.tasks", "system.threading.thread",
        "system.threading.timer", "system.transactions", "system.valuetuple", "system.xml", "system.xml.linq",
        "system.xml.readerwriter", "system.xml.xdocument", "system.xml.xmldocument", "system.xml.xpath",
        "system.configuration", "system.servicemodel.web", "system.windows", "windowsbase", "microsoft.csharp",
        "microsoft.visualbasic", "microsoft.visualbasic.core", "microsoft.win32.primitives", "microsoft.win32.registry",
        "system.management.automation", "microsoft.powershell.commands.utility", "microsoft.powershell.commands.management",
        "microsoft.powershell.consolehost", "microsoft.powershell.security", "microsoft.management.infrastructure",
        "newtonsoft.json", "system.directoryservices", "system.management",
    ]

    override func end(_ rt: CommandRuntime) throws {
        if let outputType = rt.bound.string("OutputType"), outputType.lowercased() != "library" {
            try rt.throwTerminating(rt.makeError(.psNotSupportedException,
                                                 "Both the assembly types 'ConsoleApplication' and 'WindowsApplication' are not currently supported.",
                                                 errorId: "AssemblyTypeNotSupported", category: .NotImplemented, target: .string(outputType)))
        }
        if let names = rt.bound.strings("AssemblyName") {
            for name in names { try loadAssembly(name, rt) }
            return
        }
        if let paths = rt.bound.strings("Path") ?? rt.bound.strings("LiteralPath") {
            var active: String?
            for path in paths {
                let ext = ("." + (path as NSString).pathExtension).uppercased()
                guard ext == ".CS" || ext == ".DLL" else {
                    try rt.throwTerminating(AddTypeCommand.error("Cannot add type. The \"\(ext == "." ? "" : ext)\" extension is not supported.",
                                                                 "EXTENSION_NOT_SUPPORTED", .InvalidArgument, .string(ext), rt))
                }
                if let active, active != ext {
                    try rt.throwTerminating(AddTypeCommand.error("Cannot add type. Input files must all have the same file extension.",
                                                                 "MULTIPLE_EXTENSION_NOT_SUPPORTED", .InvalidArgument, .string(ext), rt))
                }
                active = ext
                let full = rt.context.resolvePath(path)
                guard FileManager.default.fileExists(atPath: full) else {
                    try rt.throwTerminating(rt.makeError(.itemNotFoundException, "Cannot find path '\(full)' because it does not exist.",
                                                         errorId: "PathNotFound", category: .ObjectNotFound, target: .string(full)))
                }
            }
        }
        try refuseCompilation(rt)
    }

    private static func error(_ message: String, _ id: String, _ category: ErrorCategory, _ target: Value, _ rt: CommandRuntime) -> ErrorRecord {
        rt.makeError(.exception, message, errorId: id, category: category, target: target)
    }

    /// `-AssemblyName`: by name, else as a file (AddType.ResolveAssemblyName).
    private func loadAssembly(_ name: String, _ rt: CommandRuntime) throws {
        let simple = name.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? name
        if AddTypeCommand.loadableAssemblies.contains(simple.lowercased()) { return }
        if name.contains("/") {
            if name.hasPrefix("/") {
                let message = FileManager.default.fileExists(atPath: name)
                    ? "Could not load file or assembly '\(name)'. teamsh does not load assemblies from files."
                    : "Could not load file or assembly '\(name)'. The system cannot find the file specified."
                try rt.throwTerminating(rt.makeError(.fileNotFoundException, message, errorId: "System.IO.FileNotFoundException",
                                                     category: .NotSpecified, target: .null))
            }
            try rt.throwTerminating(AddTypeCommand.error("Cannot load assembly '\(name)'.", "ErrorLoadingAssembly", .InvalidOperation, .string(name), rt))
        }
        let file = name.lowercased().hasSuffix(".dll") ? name : simple + ".dll"
        if WildcardPattern.containsWildcard(file) {
            try rt.throwTerminating(AddTypeCommand.error("Cannot load assembly '\(name)'.", "ErrorLoadingAssembly", .InvalidOperation, .string(name), rt))
        }
        let full = rt.context.resolvePath(file)
        guard FileManager.default.fileExists(atPath: full) else {
            try rt.throwTerminating(rt.makeError(.itemNotFoundException, "Cannot find path '\(full)' because it does not exist.",
                                                 errorId: "PathNotFound", category: .ObjectNotFound, target: .string(full)))
        }
        try rt.throwTerminating(rt.makeError(.fileNotFoundException, "Could not load file or assembly '\(full)'. teamsh does not load assemblies from files.",
                                             errorId: "System.IO.FileNotFoundException", category: .NotSpecified, target: .null))
    }

    /// C# source (or a `.dll` file): teamsh cannot compile or load it.
    private func refuseCompilation(_ rt: CommandRuntime) throws {
        try rt.writeError(AddTypeCommand.error("teamsh does not compile C# or load assemblies from files; the types were not added.",
                                               "SOURCE_CODE_ERROR", .InvalidData, .null, rt))
        try rt.throwTerminating(rt.makeError(.invalidOperationException, "Cannot add type. Compilation errors occurred.",
                                             errorId: "COMPILER_ERRORS", category: .InvalidData))
    }
}
