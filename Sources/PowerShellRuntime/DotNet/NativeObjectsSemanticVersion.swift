import Foundation

/// System.Management.Automation.SemanticVersion (engine/PSVersionInfo.cs at v7.6.5):
/// Major.Minor.Patch with an optional pre-release label (`-alpha.1`) and build label (`+meta`).
/// Order and equality follow SemVer 2.0 and ignore the build label; a pre-release sorts before
/// its release, its dot-separated parts numerically when both are numbers, numbers before
/// words, words ordinally, and a longer list of equal parts last.
public final class PSSemanticVersion: PSDotNetObject {
    public let major: Int32, minor: Int32, patch: Int32
    public let preReleaseLabel: String?
    public let buildLabel: String?

    public init(_ major: Int32, _ minor: Int32, _ patch: Int32, preReleaseLabel: String? = nil, buildLabel: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preReleaseLabel = preReleaseLabel.flatMap { $0.isEmpty ? nil : $0 }
        self.buildLabel = buildLabel.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The note properties and type name a Version made from a SemanticVersion carries its
    /// labels in (and gives back when made into a SemanticVersion again).
    static let preLabelNote = "PSSemVerPreReleaseLabel"
    static let buildLabelNote = "PSSemVerBuildLabel"
    static let versionWithLabel = "System.Version#IncludeLabel"

    // MARK: Parsing

    /// SemanticVersion.TryParse: `major[.minor[.patch]][-pre][+build]`; nil when malformed.
    public static func parse(_ text: String) -> PSSemanticVersion? {
        if text.isEmpty || text.hasSuffix("-") || text.hasSuffix("+") || text.hasSuffix(".") { return nil }
        let dash = text.firstIndex(of: "-")
        let plus = text.firstIndex(of: "+")
        var core = text[...]
        var pre: Substring?
        var build: Substring?
        // A dash after the plus belongs to the build label; one before it starts the pre-release label.
        if let p = plus {
            build = text[text.index(after: p)...]
            if let d = dash, d < p {
                pre = text[text.index(after: d)..<p]
                core = text[..<d]
            } else {
                core = text[..<p]
            }
        } else if let d = dash {
            pre = text[text.index(after: d)...]
            core = text[..<d]
        }
        if pre?.isEmpty == true || build?.isEmpty == true || core.isEmpty { return nil }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 3 else { return nil }
        var numbers: [Int32] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int32(part) else { return nil }
            numbers.append(n)
        }
        if let p = pre, !isPreReleaseLabel(p) { return nil }
        if let b = build, !isBuildLabel(b) { return nil }
        return PSSemanticVersion(numbers[0], numbers.count > 1 ? numbers[1] : 0, numbers.count > 2 ? numbers[2] : 0,
                                 preReleaseLabel: pre.map(String.init), buildLabel: build.map(String.init))
    }

    /// Dot-separated identifiers of letters, digits and `-`; a numeric one without leading zeros.
    static func isPreReleaseLabel<S: StringProtocol>(_ s: S) -> Bool {
        s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { unit in
            guard !unit.isEmpty, unit.allSatisfy(isIdentifierCharacter) else { return false }
            let numeric = unit.allSatisfy { $0.isASCII && $0.isNumber }
            return !numeric || unit == "0" || unit.first != "0"
        }
    }

    /// Dot-separated non-empty identifiers of letters, digits and `-`.
    static func isBuildLabel<S: StringProtocol>(_ s: S) -> Bool {
        s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0.allSatisfy(isIdentifierCharacter) }
    }

    private static func isIdentifierCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-")
    }

    // MARK: Construction

    /// `[SemanticVersion]::new(…)`: (string), (Version), (major[, minor[, patch]]),
    /// (major, minor, patch, label) with `pre+build` in one, (major, minor, patch, pre, build).
    static func construct(_ a: MethodArgs) throws -> PSSemanticVersion {
        try a.expect(1...5)
        if a.count == 1 {
            switch a[0] {
            case .null:
                // Of the one-argument constructors pwsh picks the Version one for $null.
                throw PSSemanticVersion.argumentNull("version")
            case .object(let o) where o is PSVersion:
                return try from(version: o as? PSVersion)
            case .object(let o) where o is PSSemanticVersion:
                guard let v = o as? PSSemanticVersion else { break }
                return v
            case .string(let s):
                return try parseOrThrow(s)
            default:
                if case .int = a[0] { break }
                return try parseOrThrow(a.string(0))
            }
        }
        var numbers: [Int32] = []
        for (i, name) in ["major", "minor", "patch"].enumerated() where i < min(a.count, 3) {
            let n = try a.int(i, name)
            guard n >= 0 else { throw PSSemanticVersion.argument(name) }
            guard let fits = Int32(exactly: n) else { throw MemberFailure.noOverload }
            numbers.append(fits)
        }
        while numbers.count < 3 { numbers.append(0) }
        var pre: String?
        var build: String?
        if a.count == 4, !a[3].isNull {
            let label = a.string(3)
            if !label.isEmpty {
                let plus = label.firstIndex(of: "+")
                let p = plus.map { String(label[..<$0]) } ?? label
                let b = plus.map { String(label[label.index(after: $0)...]) }
                guard p.isEmpty || isPreReleaseLabel(p), b.map({ isBuildLabel($0) }) ?? true else {
                    throw MemberFailure.dotnet(.formatException, "label")
                }
                pre = p
                build = b
            }
        } else if a.count == 5 {
            if !a[3].isNull, !a.string(3).isEmpty {
                guard isPreReleaseLabel(a.string(3)) else { throw MemberFailure.dotnet(.formatException, "preReleaseLabel") }
                pre = a.string(3)
            }
            if !a[4].isNull, !a.string(4).isEmpty {
                guard isBuildLabel(a.string(4)) else { throw MemberFailure.dotnet(.formatException, "buildLabel") }
                build = a.string(4)
            }
        }
        return PSSemanticVersion(numbers[0], numbers[1], numbers[2], preReleaseLabel: pre, buildLabel: build)
    }

    /// PSTraceSource.NewArgumentException / NewArgumentNullException: AutomationExceptions.resx's
    /// Argument and ArgumentNull texts.
    static func argument(_ name: String) -> MemberFailure {
        .dotnet(.psArgumentException, "Cannot process argument because the value of argument \"\(name)\" is not valid. Change the value of the \"\(name)\" argument and run the operation again.")
    }

    static func argumentNull(_ name: String) -> MemberFailure {
        .dotnet(.psArgumentNullException, "Cannot process argument because the value of argument \"\(name)\" is null. Change the value of argument \"\(name)\" to a non-null value.")
    }

    static func parseOrThrow(_ s: String) throws -> PSSemanticVersion {
        guard let v = parse(s) else { throw MemberFailure.dotnet(.formatException, "version") }
        return v
    }

    /// SemanticVersion(Version): a Version with a revision is refused; the labels come back
    /// from the note properties a SemanticVersion-made Version carries.
    static func from(version: PSVersion?) throws -> PSSemanticVersion {
        guard let v = version else { throw PSSemanticVersion.argumentNull("version") }
        guard v.revision <= 0 else {
            throw PSSemanticVersion.argument("version")
        }
        func note(_ name: String) -> String? {
            guard let m = v.instanceMembers?.get(name), case .noteProperty(let value) = m.kind, case .string(let s) = value else { return nil }
            return s
        }
        return PSSemanticVersion(v.major, v.minor, max(0, v.build), preReleaseLabel: note(preLabelNote), buildLabel: note(buildLabelNote))
    }

    /// The implicit conversion to Version: Major.Minor.Patch, the labels kept as note
    /// properties under the type name `System.Version#IncludeLabel`.
    public func asVersion() -> PSVersion {
        let v = PSVersion(major, minor, patch)
        guard preReleaseLabel != nil || buildLabel != nil else { return v }
        let members = PSMemberTable()
        if let p = preReleaseLabel { members.set(PSMember(name: PSSemanticVersion.preLabelNote, kind: .noteProperty(.string(p)))) }
        if let b = buildLabel { members.set(PSMember(name: PSSemanticVersion.buildLabelNote, kind: .noteProperty(.string(b)))) }
        v.instanceMembers = members
        v.extraTypeNames.insert(PSSemanticVersion.versionWithLabel, at: 0)
        return v
    }

    // MARK: Members

    public override var typeFullName: String { "System.Management.Automation.SemanticVersion" }
    public override var propertyNames: [String] { ["Major", "Minor", "Patch", "PreReleaseLabel", "BuildLabel"] }
    public override var methodNames: [String] { ["CompareTo", "Equals", "GetHashCode", "ToString"] }

    public override func toPSString() -> String {
        var s = "\(major).\(minor).\(patch)"
        if let p = preReleaseLabel { s += "-" + p }
        if let b = buildLabel { s += "+" + b }
        return s
    }

    public override func property(_ name: String) -> Value? {
        switch name.lowercased() {
        case "major": return .int(major)
        case "minor": return .int(minor)
        case "patch": return .int(patch)
        case "prereleaselabel": return preReleaseLabel.map { .string($0) } ?? .null
        case "buildlabel": return buildLabel.map { .string($0) } ?? .null
        default: return nil
        }
    }

    public override func compare(to other: Value) -> Int? {
        guard case .object(let o) = other, let v = o as? PSSemanticVersion else { return nil }
        return order(v)
    }

    public override func isEqual(to other: Value) -> Bool? {
        guard case .object(let o) = other, let v = o as? PSSemanticVersion else { return false }
        return order(v) == 0
    }

    /// CompareTo: the numbers, then the pre-release labels; the build label is ignored.
    func order(_ o: PSSemanticVersion) -> Int {
        for (x, y) in [(major, o.major), (minor, o.minor), (patch, o.patch)] where x != y { return x < y ? -1 : 1 }
        return PSSemanticVersion.comparePreRelease(preReleaseLabel, o.preReleaseLabel)
    }

    static func comparePreRelease(_ a: String?, _ b: String?) -> Int {
        guard let x = a else { return b == nil ? 0 : 1 }
        guard let y = b else { return -1 }
        let xs = x.split(separator: ".", omittingEmptySubsequences: false)
        let ys = y.split(separator: ".", omittingEmptySubsequences: false)
        for (p, q) in zip(xs, ys) {
            switch (Int32(p), Int32(q)) {
            case let (m?, n?): if m != n { return m < n ? -1 : 1 }
            case (.some, nil): return -1
            case (nil, .some): return 1
            case (nil, nil):
                let l = Array(p.utf16), r = Array(q.utf16)
                if l != r { return l.lexicographicallyPrecedes(r) ? -1 : 1 }
            }
        }
        return xs.count == ys.count ? 0 : (xs.count < ys.count ? -1 : 1)
    }

    public override func invokeMethod(_ name: String, _ args: [Value], hooks: RuntimeHooks) throws -> Value? {
        let a = MethodArgs(args, hooks)
        switch name {
        case "tostring":
            try a.expect(0)
            return .string(toPSString())
        case "compareto":
            try a.expect(1)
            if a[0].isNull { return .int(1) }
            guard case .object(let o) = a[0], let v = o as? PSSemanticVersion else {
                throw PSSemanticVersion.argument("version")
            }
            return .int(Int32(order(v)))
        case "equals":
            try a.expect(1)
            guard case .object(let o) = a[0], let v = o as? PSSemanticVersion else { return .bool(false) }
            return .bool(order(v) == 0 && preReleaseLabel == v.preReleaseLabel)
        case "gethashcode":
            try a.expect(0)
            var h = Hasher()
            h.combine(toPSString())
            return .int(Int32(truncatingIfNeeded: h.finalize()))
        default:
            return nil
        }
    }

    /// The static members: Parse, TryParse, Compare.
    static func invokeStatic(_ name: String, _ a: MethodArgs) throws -> Value? {
        switch name {
        case "parse":
            try a.expect(1)
            // A $null argument reaches the method as "" (pwsh's string argument conversion).
            return .object(try parseOrThrow(a[0].isNull ? "" : a.string(0)))
        case "tryparse":
            try a.expect(2)
            let parsed = a[0].isNull ? nil : parse(a.string(0))
            return StaticMembers.tryParseResult(parsed.map { .object($0) }, .null, a)
        case "compare":
            try a.expect(2)
            let x = (a[0].reference as? PSSemanticVersion), y = (a[1].reference as? PSSemanticVersion)
            switch (x, y) {
            case let (l?, r?): return .int(Int32(l.order(r)))
            case (.some, nil): return .int(1)
            case (nil, .some): return .int(-1)
            case (nil, nil): return .int(0)
            }
        default:
            return nil
        }
    }
}
