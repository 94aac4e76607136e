import Foundation
import PowerShellSyntax

/// The modules one running script names in `using module` statements, and the class and enum
/// names the script defines itself (which win over an imported type of the same name).
final class UsingModuleScope {
    let modules: [PSModuleInfo]
    let ownTypeNames: Set<String>

    init(modules: [PSModuleInfo], ownTypeNames: Set<String>) {
        self.modules = modules
        self.ownTypeNames = ownTypeNames
    }
}

/// `using module`: pwsh imports the module when the script starts and adds the module's
/// classes and enums to the script's type scope, by name and by `Module.Name`
/// (SymbolResolver.VisitUsingStatement, UsingStatementAst.DefineImportedModule). A class a
/// module defines is not visible to other code without it (scripting.Classes.using.tests.ps1
/// "cannot instantiate class from another module without using statement").
/// NOTE: pwsh scopes these types lexically (the script's parse-time scope); here they are
/// visible while the script runs, to everything it calls.
extension ExecutionContext {

    /// Imports the modules of a script's `using module` statements and makes their types
    /// visible until `leaveUsingModules`; nil when the script has none.
    func enterUsingModules(_ ast: ScriptBlockAst) throws -> UsingModuleScope? {
        let statements = ast.usingStatements.filter { $0.kind == "module" && !$0.name.isEmpty }
        guard !statements.isEmpty else { return nil }
        var modules: [PSModuleInfo] = []
        for u in statements {
            if let m = try importUsingModule(u, scriptFile: ast.extent.file) { modules.append(m) }
        }
        let scope = UsingModuleScope(modules: modules, ownTypeNames: ExecutionContext.typeNamesDefined(in: ast))
        usingModuleScopes.append(scope)
        typeTableGeneration += 1
        return scope
    }

    /// Ends a scope `enterUsingModules` began (a script in a pipeline may end after a later one).
    func leaveUsingModules(_ scope: UsingModuleScope?) {
        guard let scope, let i = usingModuleScopes.lastIndex(where: { $0 === scope }) else { return }
        usingModuleScopes.remove(at: i)
        typeTableGeneration += 1
    }

    /// Runs Import-Module for one statement. A relative path is taken from the script's own
    /// folder in a script file, from the current location otherwise; a bare name is looked up
    /// on PSModulePath only (SymbolResolver.GetModulesFromUsingModule).
    private func importUsingModule(_ u: UsingStatementAst, scriptFile: String?) throws -> PSModuleInfo? {
        let name = ExecutionContext.usingModuleTarget(u, scriptFile: scriptFile)
        let parameters = PSHashtable()
        parameters.set(.string("Name"), .string(name))
        parameters.set(.string("PassThru"), .bool(true))
        parameters.set(.string("ErrorAction"), .string("Stop"))
        if let spec = u.moduleSpecification {
            if let v = spec.requiredVersion { parameters.set(.string("RequiredVersion"), .string(v)) }
            if let v = spec.version { parameters.set(.string("MinimumVersion"), .string(v)) }
            if let v = spec.maximumVersion { parameters.set(.string("MaximumVersion"), .string(v)) }
        }
        let importer = try parseScriptBlock("param($p) Import-Module @p")
        let imported: [Value]
        do {
            imported = try invokeScriptBlock(importer, args: [.object(parameters)], dollarUnder: nil)
        } catch let e as RuntimeError where e.record.errorId.hasPrefix("Modules_ModuleNotFound") {
            let record = ErrorRecord(exception: PSExceptionObject(.parseException, "Could not find the module '\(u.name)'."),
                                     errorId: "ModuleNotFoundDuringParse", category: .ParserError,
                                     invocationInfo: InvocationInfo(commandName: "", extent: u.extent))
            record.isParseError = true
            throw RuntimeError(record)
        }
        for case .object(let o) in imported.reversed() {
            if let m = o as? PSModuleInfo { return m }
        }
        return nil
    }

    /// What a statement names: a module name, or a path (`\\` as `/`) taken from the script
    /// file's folder when relative.
    static func usingModuleTarget(_ u: UsingStatementAst, scriptFile: String?) -> String {
        var name = u.name
        guard name.contains("/") || name.contains("\\") else { return name }
        name = name.replacingOccurrences(of: "\\", with: "/")
        let absolute = name.hasPrefix("/") || name.hasPrefix("~") || (name.firstIndex(of: ":").map { name[..<$0].allSatisfy { $0 != "/" } } ?? false)
        if !absolute, let file = scriptFile { name = (file as NSString).deletingLastPathComponent + "/" + name }
        return name
    }

    public func usingModuleParseErrors(_ ast: ScriptBlockAst, _ errors: [ParseError]) -> [ParseError] {
        guard let modules else { return [] }
        var out: [ParseError] = []
        for u in ast.usingStatements where u.kind == "module" && !u.name.isEmpty {
            // A statement the parser already faulted (wildcards, a bad specification) is not looked up.
            if errors.contains(where: { $0.extent.start == u.extent.start }) { continue }
            let target = ExecutionContext.usingModuleTarget(u, scriptFile: ast.extent.file)
            if !modules.canFindModule(target.contains("/") ? resolvePath(target) : target) {
                out.append(ParseError(id: "ModuleNotFoundDuringParse", message: "Could not find the module '\(u.name)'.", extent: u.extent))
            }
        }
        return out
    }

    /// The classes and enums a script defines at its top level.
    static func typeNamesDefined(in ast: ScriptBlockAst) -> Set<String> {
        var names: Set<String> = []
        for block in [ast.beginBlock, ast.processBlock, ast.endBlock].compactMap({ $0 }) {
            for case .typeDefinition(let t) in block.statements { names.insert(t.name.lowercased()) }
        }
        return names
    }

    public func ambiguousTypeMessage(_ name: String) -> String? {
        guard !usingModuleScopes.isEmpty else { return nil }
        do {
            _ = try usingModuleType(name)
            return nil
        } catch let e as RuntimeError {
            return e.record.message
        } catch {
            return nil
        }
    }

    /// A class or enum by name as the running code sees it: its own module's first, then the
    /// running scripts' `using module` modules (by name, or `Module.Name`) unless the script
    /// defines the name itself. Throws AmbiguousTypeReference when two of those modules
    /// define a short name.
    func usingModuleType(_ name: String) throws -> PSType? {
        let lower = name.lowercased()
        if let m = currentModule, let t = m.definedTypes[lower] { return t }
        guard let scope = usingModuleScopes.last, !scope.ownTypeNames.contains(lower) else { return nil }
        var found: [(module: PSModuleInfo, type: PSType)] = []
        for m in scope.modules {
            if let t = m.definedTypes[lower] {
                if !found.contains(where: { $0.module === m }) { found.append((m, t)) }
            } else if lower.hasPrefix(m.name.lowercased() + "."), let t = m.definedTypes[String(lower.dropFirst(m.name.count + 1))] {
                return t
            }
        }
        if found.count > 1 {
            let short = found[0].type.fullName
            throw RuntimeError(.runtimeException,
                               "Type name '\(name)' is ambiguous, it could be '\(found[0].module.name).\(short)' or '\(found[1].module.name).\(short)'.",
                               errorId: "AmbiguousTypeReference", category: .InvalidOperation, extent: nil, target: .string(name))
        }
        return found.first?.type
    }
}
