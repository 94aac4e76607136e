import PowerShellSyntax

/// `enum` and `class` definitions: types registered when the definition runs, instances
/// with typed properties, constructors, instance and static methods.
extension ExecutionContext {

    func defineType(_ t: TypeDefinitionAst) throws {
        if t.isEnum {
            try defineEnum(t)
        } else {
            try defineClass(t)
        }
        commandTableGeneration += 1
    }

    private func defineEnum(_ t: TypeDefinitionAst) throws {
        var members: [(name: String, value: Int64)] = []
        var next: Int64 = 0
        for m in t.members {
            guard case .property(let p) = m else { continue }
            var value = next
            if let initial = p.initialValue {
                value = try Conversion.toInt64(try evaluate(initial))
            }
            members.append((p.name, value))
            next = value &+ 1
        }
        let isFlags = t.attributes.contains { $0.typeName.description.lowercased().hasPrefix("flags") }
        let def = PSEnumDefinition(name: t.name, members: members, isFlags: isFlags)
        if let base = t.baseTypes.first { def.underlyingType = try resolveType(base, extent: t.extent) }
        register(PSType(kind: .enumeration(def), fullName: t.name), module: currentModule)
    }

    /// A script module's types belong to the module (UsingModules.swift); a script's are
    /// the session's.
    private func register(_ type: PSType, module: PSModuleInfo?) {
        if let module {
            module.definedTypes[type.fullName.lowercased()] = type
            typeTableGeneration += 1
        } else {
            userTypes[type.fullName.lowercased()] = type
        }
    }

    /// Registers a class a module ships, written in PowerShell, under its .NET full name
    /// (`Microsoft.Teams.Policy.Administration.Cmdlets.Core.PinnedApp`), so `[Full.Name]::new()`,
    /// `New-Object Full.Name` and `-is` find it as they find the module's compiled types in pwsh.
    public func defineModuleClass(_ t: TypeDefinitionAst, fullName: String) throws {
        try defineClass(t, registeredName: fullName)
        commandTableGeneration += 1
    }

    private func defineClass(_ t: TypeDefinitionAst, registeredName: String? = nil) throws {
        let name = registeredName ?? t.name
        let def = PSClassDefinition(name: name, ast: t)
        let module = registeredName == nil ? currentModule : nil
        def.definedInModule = currentModule != nil
        def.module = module
        for base in t.baseTypes {
            if case .simple(let n) = base { _ = try usingModuleType(n) }
            if let bt = TypeResolver.resolve(base, hooks: hooks) {
                if case .psClass(let b) = bt.kind { def.baseClass = b } else { def.baseTypeName = bt.fullName }
            }
        }
        for m in t.members {
            switch m {
            case .property(let p):
                if p.isStatic { def.staticProperties.append(p) } else { def.instanceProperties.append(p) }
            case .method(let f):
                if f.isStatic && f.name.caseInsensitiveCompare(t.name) == .orderedSame {
                    def.typeInitializer = f
                } else if f.isConstructor || f.name.caseInsensitiveCompare(t.name) == .orderedSame {
                    def.constructors.append(f)
                } else if f.isStatic {
                    def.staticMethods[f.name.lowercased(), default: []].append(f)
                } else {
                    def.methods[f.name.lowercased(), default: []].append(f)
                }
            }
        }
        register(PSType(kind: .psClass(def), fullName: name), module: module)
        for p in def.instanceProperties + def.staticProperties {
            if let pt = p.propertyType, let type = TypeResolver.resolve(pt, hooks: hooks) { def.propertyTypes[p.name.lowercased()] = type }
        }
        for p in def.staticProperties {
            var v: Value = try p.initialValue.map { try evaluate($0) } ?? .null
            if let type = def.propertyTypes[p.name.lowercased()] {
                v = p.initialValue == nil ? ExecutionContext.propertyDefault(for: type) : try Conversion.convert(v, to: type, hooks: hooks)
            }
            def.staticValues[p.name.lowercased()] = v
        }
    }

    /// The value a typed class property starts with: the .NET default, so `[string]` is
    /// $null (about_Classes_Properties), unlike a typed variable's ''.
    static func propertyDefault(for t: PSType) -> Value {
        CollectionMembers.defaultValue(t)
    }

    /// `[C]::new(args)` and conversions that construct.
    func constructInstance(_ def: PSClassDefinition, _ args: [Value]) throws -> Value {
        try initializeType(def)
        let instance = PSClassInstance(definition: def)
        try initializeProperties(instance, def)
        try runConstructor(def, instance, args)
        return .object(instance)
    }

    /// Runs the constructor of `def` that takes `args`, after its base class's: the one
    /// `: base(...)` names, else the base default constructor (about_Classes_Inheritance; a
    /// class without constructors has a default one that only runs the base's).
    private func runConstructor(_ def: PSClassDefinition, _ instance: PSClassInstance, _ args: [Value]) throws {
        let ctors = def.constructors
        if ctors.isEmpty {
            if !args.isEmpty {
                throw RuntimeError(.methodException, "Cannot find an overload for \"new\" and the argument count: \"\(args.count)\".",
                                   errorId: "MethodCountCouldNotFindBest", category: .NotSpecified)
            }
            if let base = def.baseClass { try runConstructor(base, instance, []) }
            return
        }
        guard let ctor = ctors.first(where: { $0.parameters.count == args.count }) else {
            throw RuntimeError(.methodException, "Cannot find an overload for \"new\" and the argument count: \"\(args.count)\".",
                               errorId: "MethodCountCouldNotFindBest", category: .NotSpecified)
        }
        if let base = def.baseClass {
            var values: [Value] = []
            if let baseArgs = ctor.baseArguments {
                values = try withMethodScope(def, instance: instance, ctor.parameters, args) { try baseArgs.map { try evaluate($0) } }
            }
            try runConstructor(base, instance, values)
        }
        _ = try runMethod(ctor, of: def, instance: instance, args: args)
    }

    /// `([Base]$this).M()`: a call through a cast to a base class runs the base class's
    /// implementation (about_Classes_Methods); the class to start the method lookup from.
    func baseClassOfCast(_ e: ExpressionAst, _ instance: PSClassInstance) -> PSClassDefinition? {
        var expr = e
        while case .paren(let p) = expr, case .pipeline(let pl) = p.pipeline, pl.elements.count == 1,
              case .expression(let ce) = pl.elements[0], ce.redirections.isEmpty {
            expr = ce.expression
        }
        guard case .convert(let c) = expr, let t = TypeResolver.resolve(c.type, hooks: hooks), case .psClass(let def) = t.kind,
              def !== instance.definition, instance.definition.derives(from: def) else { return nil }
        return def
    }

    private func initializeProperties(_ instance: PSClassInstance, _ def: PSClassDefinition) throws {
        if let base = def.baseClass { try initializeProperties(instance, base) }
        for p in def.instanceProperties {
            var v: Value = try p.initialValue.map { try evaluate($0) } ?? .null
            if let type = def.propertyTypes[p.name.lowercased()] {
                v = p.initialValue == nil ? ExecutionContext.propertyDefault(for: type) : try Conversion.convert(v, to: type, hooks: hooks)
            }
            instance.properties.set(p.name, v)
        }
    }

    /// Runs the static constructor (`static C() { }`) once, before the class is first used (a
    /// static member, a static method, `new`), its base class's first, as .NET runs a type
    /// initializer.
    public func initializeType(_ def: PSClassDefinition) throws {
        guard !def.typeInitialized else { return }
        def.typeInitialized = true
        if let base = def.baseClass { try initializeType(base) }
        if let f = def.typeInitializer { _ = try runMethod(f, of: def, instance: nil, args: []) }
    }

    public func invokeClassMethod(_ def: PSClassDefinition, _ instance: PSClassInstance?, _ name: String, _ args: [Value]) throws -> Value {
        if instance == nil { try initializeType(def) }
        let key = name.lowercased()
        var d: PSClassDefinition? = def
        while let c = d {
            let table = instance == nil ? c.staticMethods : c.methods
            if let overloads = table[key] {
                guard let m = overloads.first(where: { $0.parameters.count == args.count }) else {
                    throw RuntimeError(.methodException, "Cannot find an overload for \"\(name)\" and the argument count: \"\(args.count)\".",
                                       errorId: "MethodCountCouldNotFindBest", category: .NotSpecified)
                }
                return try runMethod(m, of: c, instance: instance, args: args)
            }
            d = c.baseClass
        }
        if instance == nil, let v = def.staticValues[key] { return v }
        let typeName = def.name
        throw RuntimeError(.runtimeException, "Method invocation failed because [\(typeName)] does not contain a method named '\(name)'.",
                           errorId: "MethodNotFound", category: .InvalidOperation)
    }

    /// Runs a method body in a new scope. As pwsh runs a method in a new scope of the session
    /// state the class was defined in, a script's class method's scope is a child of its
    /// caller's (it finds the caller's functions); a module's class method's is a child of the
    /// global scope.
    private func withMethodScope<T>(_ def: PSClassDefinition, instance: PSClassInstance?, _ params: [ParameterAst], _ args: [Value],
                                    _ body: () throws -> T) throws -> T {
        let saved = currentScope
        let scope = Scope(parent: def.module?.scope ?? (def.definedInModule || currentModule != nil ? globalScope : saved))
        currentScope = scope
        defer { currentScope = saved }
        if let i = instance { scope.variables["this"] = PSVariable(name: "this", value: .object(i)) }
        for (i, p) in params.enumerated() {
            var v = i < args.count ? args[i] : .null
            var type: PSType?
            if let t = p.typeConstraints.last, let resolved = TypeResolver.resolve(t, hooks: hooks) {
                v = try Conversion.convert(v, to: resolved, hooks: hooks)
                type = resolved
            }
            scope.variables[p.name.lowercased()] = PSVariable(name: p.name, value: v, typeConstraint: type)
        }
        return try body()
    }

    /// Runs a method body. Class methods return only what `return` gives (pwsh discards
    /// other output of methods with a return type); void methods return nothing.
    private func runMethod(_ m: FunctionMemberAst, of def: PSClassDefinition, instance: PSClassInstance?, args: [Value]) throws -> Value {
        try withMethodScope(def, instance: instance, m.parameters, args) {
            let discard = Pipe()
            let returnPipe = Pipe()
            let savedSink = methodReturnSink
            methodReturnSink = returnPipe
            defer { methodReturnSink = savedSink }
            do {
                if let body = ExecutionContext.compiledMethod(m.body).end {
                    try runBody(body, discard)
                }
            } catch is ReturnSignal {
            }
            let returned = returnPipe.result
            if let rt = m.returnType, let type = TypeResolver.resolve(rt, hooks: hooks) {
                if case .void = type.kind { return .voidResult }
                return try Conversion.convert(returned, to: type, hooks: hooks)
            }
            // A method without a return type is void (about_Classes).
            return m.returnType == nil && returned.isNull ? .voidResult : returned
        }
    }

}
