import PowerShellSyntax

/// Methods whose .NET return type is `void`. pwsh turns a void result into AutomationNull, which
/// writes nothing to the pipeline: `$list.Add(1)` as a statement, in `@( )` or in a
/// ForEach-Object block outputs nothing, while a method that returns null (`[Environment]::
/// GetEnvironmentVariable('NOPE')`) outputs `$null`. The implementations return `$null` for both,
/// so the void ones are listed here (by .NET's declarations).
enum VoidMethods {
    /// Instance methods by receiver kind, lower-cased.
    private static let hashtable: Set<String> = ["add", "remove", "clear", "copyto", "insert", "removeat", "set_item"]
    private static let genericList: Set<String> = [
        "add", "addrange", "clear", "copyto", "foreach", "set_item", "insert", "insertrange", "removeat", "removerange", "reverse", "sort",
        "trimexcess",
    ]
    /// ArrayList.Add returns the index; its Remove (unlike List<T>.Remove) is void.
    private static let arrayList: Set<String> = [
        "addrange", "clear", "copyto", "insert", "insertrange", "remove", "set_item", "removeat", "removerange", "reverse", "sort",
        "trimtosize", "setrange",
    ]
    private static let array: Set<String> = ["copyto", "setvalue", "initialize"]
    private static let stringBuilder: Set<String> = ["copyto"]

    /// Static methods by the type's full name, lower-cased.
    private static let statics: [String: Set<String>] = [
        "system.array": ["clear", "copy", "constrainedcopy", "resize", "reverse", "sort", "fill"],
        "system.io.file": ["writealltext", "appendalltext", "writealllines", "appendalllines", "writeallbytes", "delete", "copy",
                           "move", "replace", "setattributes", "setcreationtime", "setlastwritetime", "setlastaccesstime"],
        "system.io.directory": ["delete", "move", "setcurrentdirectory", "setcreationtime", "setlastwritetime"],
        "system.environment": ["setenvironmentvariable", "exit", "failfast"],
        "system.console": ["write", "writeline", "clear", "beep", "resetcolor"],
        "system.threading.thread": ["sleep"],
        "system.gc": ["collect", "waitforpendingfinalizers"],
    ]

    /// True when calling `name` on `target` (or on the type, for a static call) returns void.
    static func isVoid(_ target: Value, _ name: String, isStatic: Bool) -> Bool {
        let lower = name.lowercased()
        guard case .object(let o) = target else { return false }
        if isStatic {
            guard let t = o as? PSTypeObject else { return false }
            if case .psClass(let def) = t.type.kind { return classMethodIsVoid(def, lower, isStatic: true) }
            return statics[t.type.fullName.lowercased()]?.contains(lower) ?? false
        }
        if let inst = o as? PSClassInstance { return classMethodIsVoid(inst.definition, lower, isStatic: false) }
        if let h = o as? PSHashtable { return hashtable.contains(lower) && !(h.isGenericDictionary && lower == "remove") }
        if let a = o as? PSArray {
            switch a.kind {
            case .genericList: return genericList.contains(lower)
            case .arrayList: return arrayList.contains(lower)
            case .array: return array.contains(lower)
            }
        }
        if o is PSStringBuilder { return stringBuilder.contains(lower) }
        return false
    }

    /// A class method declared `[void]`, or with no return type (which is void in a class).
    private static func classMethodIsVoid(_ def: PSClassDefinition, _ name: String, isStatic: Bool) -> Bool {
        var d: PSClassDefinition? = def
        while let c = d {
            if let m = (isStatic ? c.staticMethods[name] : c.methods[name])?.first {
                guard let t = m.returnType else { return true }
                return t.description.lowercased() == "void" || t.description.lowercased() == "system.void"
            }
            d = c.baseClass
        }
        return false
    }
}
