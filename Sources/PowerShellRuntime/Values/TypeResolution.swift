import Foundation
import PowerShellSyntax

/// Type name resolution: what `[int]`, `[System.Int32]`, `[Text.StringBuilder]`,
/// `[List[string]]`, `[int[]]` and `[MyClass]` stand for. Names are case-insensitive; a name
/// may omit the leading `System.`; type accelerators win over full names, as in pwsh.
public enum TypeResolver {
    // MARK: Shared singletons (compare by identity or kind, never by allocation)

    public static let object = PSType(kind: .object, fullName: "System.Object")
    public static let void = PSType(kind: .void, fullName: "System.Void")
    public static let bool = PSType(kind: .bool, fullName: "System.Boolean")
    public static let int32 = PSType(kind: .int32, fullName: "System.Int32")
    public static let int64 = PSType(kind: .int64, fullName: "System.Int64")
    public static let double = PSType(kind: .double, fullName: "System.Double")
    public static let decimal = PSType(kind: .decimal, fullName: "System.Decimal")
    public static let string = PSType(kind: .string, fullName: "System.String")
    public static let char = PSType(kind: .char, fullName: "System.Char")
    public static let byte = PSType(kind: .sized(.byte), fullName: "System.Byte")
    public static let sbyte = PSType(kind: .sized(.sbyte), fullName: "System.SByte")
    public static let int16 = PSType(kind: .sized(.int16), fullName: "System.Int16")
    public static let uint16 = PSType(kind: .sized(.uint16), fullName: "System.UInt16")
    public static let uint32 = PSType(kind: .sized(.uint32), fullName: "System.UInt32")
    public static let uint64 = PSType(kind: .sized(.uint64), fullName: "System.UInt64")
    public static let single = PSType(kind: .sized(.single), fullName: "System.Single")
    public static let bigInteger = PSType(kind: .sized(.bigInteger), fullName: "System.Numerics.BigInteger")
    public static let objectArray = PSType(kind: .array(object), fullName: "System.Object[]")
    /// `[array]`: converts to `object[]`.
    public static let array = PSType(kind: .array(object), fullName: "System.Array")
    public static let stringArray = PSType(kind: .array(string), fullName: "System.String[]")
    public static let arrayList = PSType(kind: .arrayList, fullName: "System.Collections.ArrayList")
    public static let hashtable = PSType(kind: .hashtable, fullName: "System.Collections.Hashtable")
    public static let ordered = PSType(kind: .ordered, fullName: "System.Collections.Specialized.OrderedDictionary")
    /// pwsh 7.6's Hashtable kept in insertion order (ConvertFrom-Json -AsHashtable gives one).
    public static let orderedHashtable = PSType(kind: .named, fullName: "System.Management.Automation.OrderedHashtable")
    /// `[pscustomobject]` as written (the accelerator names PSObject).
    public static let pscustomobject = PSType(kind: .pscustomobject, fullName: "System.Management.Automation.PSObject")
    /// What `GetType()` reports for a custom object.
    public static let pscustomobjectType = PSType(kind: .pscustomobject, fullName: "System.Management.Automation.PSCustomObject")
    public static let psobject = PSType(kind: .psobject, fullName: "System.Management.Automation.PSObject")
    public static let scriptblock = PSType(kind: .scriptblock, fullName: "System.Management.Automation.ScriptBlock")
    public static let switchParameter = PSType(kind: .switchParameter, fullName: "System.Management.Automation.SwitchParameter")
    public static let type = PSType(kind: .type, fullName: "System.Type")
    public static let runtimeType = PSType(kind: .type, fullName: "System.RuntimeType")
    public static let regex = PSType(kind: .regex, fullName: "System.Text.RegularExpressions.Regex")
    public static let version = PSType(kind: .version, fullName: "System.Version")
    public static let semanticVersion = PSType(kind: .semanticVersion, fullName: "System.Management.Automation.SemanticVersion")
    public static let datetime = PSType(kind: .datetime, fullName: "System.DateTime")
    public static let timespan = PSType(kind: .timespan, fullName: "System.TimeSpan")
    public static let guid = PSType(kind: .guid, fullName: "System.Guid")
    public static let stringBuilder = PSType(kind: .stringBuilder, fullName: "System.Text.StringBuilder")
    public static let securestring = PSType(kind: .securestring, fullName: "System.Security.SecureString")
    public static let pscredential = PSType(kind: .pscredential, fullName: "System.Management.Automation.PSCredential")
    public static let errorRecord = PSType(kind: .errorRecord, fullName: "System.Management.Automation.ErrorRecord")
    public static let regexMatch = PSType(kind: .named, fullName: "System.Text.RegularExpressions.Match")

    // MARK: Built-in enums the runtime models

    public static let actionPreference = PSType(kind: .enumeration(PSEnumDefinition(
        name: "ActionPreference", fullName: "System.Management.Automation.ActionPreference",
        members: [("SilentlyContinue", 0), ("Stop", 1), ("Continue", 2), ("Inquire", 3), ("Ignore", 4), ("Suspend", 5), ("Break", 6)])),
        fullName: "System.Management.Automation.ActionPreference")
    public static let dayOfWeek = PSType(kind: .enumeration(PSEnumDefinition(
        name: "DayOfWeek", fullName: "System.DayOfWeek",
        members: [("Sunday", 0), ("Monday", 1), ("Tuesday", 2), ("Wednesday", 3), ("Thursday", 4), ("Friday", 5), ("Saturday", 6)])),
        fullName: "System.DayOfWeek")
    public static let consoleColor = PSType(kind: .enumeration(PSEnumDefinition(
        name: "ConsoleColor", fullName: "System.ConsoleColor",
        members: [("Black", 0), ("DarkBlue", 1), ("DarkGreen", 2), ("DarkCyan", 3), ("DarkRed", 4), ("DarkMagenta", 5),
                  ("DarkYellow", 6), ("Gray", 7), ("DarkGray", 8), ("Blue", 9), ("Green", 10), ("Cyan", 11), ("Red", 12),
                  ("Magenta", 13), ("Yellow", 14), ("White", 15)])),
        fullName: "System.ConsoleColor")
    public static let outputRendering = PSType(kind: .enumeration(PSEnumDefinition(
        name: "OutputRendering", fullName: "System.Management.Automation.OutputRendering",
        members: [("Host", 0), ("PlainText", 1), ("Ansi", 2)])),
        fullName: "System.Management.Automation.OutputRendering")
    public static let errorCategory = PSType(kind: .enumeration(PSEnumDefinition(
        name: "ErrorCategory", fullName: "System.Management.Automation.ErrorCategory",
        members: ErrorCategory.allCases.map { (name: $0.name, value: Int64($0.rawValue)) })),
        fullName: "System.Management.Automation.ErrorCategory")
    public static let stringSplitOptions = PSType(kind: .enumeration(PSEnumDefinition(
        name: "StringSplitOptions", fullName: "System.StringSplitOptions",
        members: [("None", 0), ("RemoveEmptyEntries", 1), ("TrimEntries", 2)], isFlags: true)),
        fullName: "System.StringSplitOptions")
    public static let regexOptions = PSType(kind: .enumeration(PSEnumDefinition(
        name: "RegexOptions", fullName: "System.Text.RegularExpressions.RegexOptions",
        members: [("None", 0), ("IgnoreCase", 1), ("Multiline", 2), ("ExplicitCapture", 4), ("Compiled", 8),
                  ("Singleline", 16), ("IgnorePatternWhitespace", 32), ("RightToLeft", 64), ("ECMAScript", 256),
                  ("CultureInvariant", 512), ("NonBacktracking", 1024)], isFlags: true)),
        fullName: "System.Text.RegularExpressions.RegexOptions")
    public static let splitOptions = PSType(kind: .enumeration(PSEnumDefinition(
        name: "SplitOptions", fullName: "System.Management.Automation.SplitOptions",
        members: [("SimpleMatch", 1), ("RegexMatch", 2), ("CultureInvariant", 4), ("IgnorePatternWhitespace", 8),
                  ("Multiline", 16), ("Singleline", 32), ("IgnoreCase", 64), ("ExplicitCapture", 128)], isFlags: true)),
        fullName: "System.Management.Automation.SplitOptions")
    public static let stringComparison = PSType(kind: .enumeration(PSEnumDefinition(
        name: "StringComparison", fullName: "System.StringComparison",
        members: [("CurrentCulture", 0), ("CurrentCultureIgnoreCase", 1), ("InvariantCulture", 2),
                  ("InvariantCultureIgnoreCase", 3), ("Ordinal", 4), ("OrdinalIgnoreCase", 5)])),
        fullName: "System.StringComparison")
    public static let midpointRounding = PSType(kind: .enumeration(PSEnumDefinition(
        name: "MidpointRounding", fullName: "System.MidpointRounding",
        members: [("ToEven", 0), ("AwayFromZero", 1), ("ToZero", 2), ("ToNegativeInfinity", 3), ("ToPositiveInfinity", 4)])),
        fullName: "System.MidpointRounding")

    public static let securityProtocolType = PSType(kind: .enumeration(PSEnumDefinition(
        name: "SecurityProtocolType", fullName: "System.Net.SecurityProtocolType",
        members: [("SystemDefault", 0), ("Ssl3", 48), ("Tls", 192), ("Tls11", 768), ("Tls12", 3072), ("Tls13", 12288)],
        isFlags: true)),
        fullName: "System.Net.SecurityProtocolType")
    public static let commandTypes = PSType(kind: .enumeration(PSEnumDefinition(
        name: "CommandTypes", fullName: "System.Management.Automation.CommandTypes",
        members: [("Alias", 1), ("Function", 2), ("Filter", 4), ("Cmdlet", 8), ("ExternalScript", 16), ("Application", 32),
                  ("Script", 64), ("Configuration", 256), ("All", 383)], isFlags: true)),
        fullName: "System.Management.Automation.CommandTypes")
    /// pwsh's MshMemberInfo.cs at v7.6.5 (Properties, Methods and All are the unions it declares).
    public static let psMemberTypes = PSType(kind: .enumeration(PSEnumDefinition(
        name: "PSMemberTypes", fullName: "System.Management.Automation.PSMemberTypes",
        members: [("AliasProperty", 1), ("CodeProperty", 2), ("Property", 4), ("NoteProperty", 8), ("ScriptProperty", 16),
                  ("PropertySet", 32), ("Method", 64), ("CodeMethod", 128), ("ScriptMethod", 256), ("ParameterizedProperty", 512),
                  ("MemberSet", 1024), ("Event", 2048), ("Dynamic", 4096), ("InferredProperty", 8192), ("Properties", 8223),
                  ("Methods", 448), ("All", 16383)], isFlags: true)),
        fullName: "System.Management.Automation.PSMemberTypes")
    public static let memberTypes = PSType(kind: .enumeration(PSEnumDefinition(
        name: "MemberTypes", fullName: "System.Reflection.MemberTypes",
        members: [("Constructor", 1), ("Event", 2), ("Field", 4), ("Method", 8), ("Property", 16), ("TypeInfo", 32),
                  ("Custom", 64), ("NestedType", 128), ("All", 191)], isFlags: true)),
        fullName: "System.Reflection.MemberTypes")
    public static let searchOption = PSType(kind: .enumeration(PSEnumDefinition(
        name: "SearchOption", fullName: "System.IO.SearchOption",
        members: [("TopDirectoryOnly", 0), ("AllDirectories", 1)])),
        fullName: "System.IO.SearchOption")

    // MARK: Resolution

    /// Resolves a parsed type name; nil when pwsh would say "Unable to find type [X]."
    public static func resolve(_ name: TypeName, hooks: RuntimeHooks? = nil) -> PSType? {
        switch name {
        case .simple(let n):
            return resolve(name: n, hooks: hooks)
        case .array(let element, let rank):
            guard let e = resolve(element, hooks: hooks) else { return nil }
            return arrayType(of: e, rank: rank)
        case .generic(let n, let args):
            var resolved: [PSType] = []
            for a in args {
                guard let t = resolve(a, hooks: hooks) else { return nil }
                resolved.append(t)
            }
            return genericType(n, resolved)
        }
    }

    /// Resolves a type name written as text: `int`, `System.Int32`, `string[]`, `List[int]`.
    public static func resolve(name raw: String, hooks: RuntimeHooks? = nil) -> PSType? {
        // Names rarely carry spaces; Foundation's trimming costs thousands of instructions
        // (the binder resolves parameter type names on every call).
        let utf8 = raw.utf8
        let padded = utf8.first.map { $0 == 0x20 || $0 == 0x09 } ?? false || utf8.last.map { $0 == 0x20 || $0 == 0x09 } ?? false
        var n = padded ? raw.trimmingCharacters(in: .whitespaces) : raw
        if n.hasPrefix("[") && n.hasSuffix("]") && n.count >= 2 {
            n = String(n.dropFirst().dropLast())
        }
        if n.isEmpty { return nil }
        // Fast path: a plain name.
        if !n.contains("[") {
            return resolveSimple(n, hooks: hooks)
        }
        guard let parsed = parseTypeName(n) else { return nil }
        return resolve(parsed, hooks: hooks)
    }

    /// `T[]` for an element type (rank > 1 is modelled as rank 1).
    public static func arrayType(of element: PSType, rank: Int = 1) -> PSType {
        if rank <= 1, element === object { return objectArray }
        if rank <= 1, element === string { return stringArray }
        let suffix = "[" + String(repeating: ",", count: max(0, rank - 1)) + "]"
        return PSType(kind: .array(element), fullName: element.fullName + suffix, rank: max(1, rank))
    }

    /// `List[T]`.
    public static func listType(of element: PSType) -> PSType {
        PSType(kind: .list(element), fullName: "System.Collections.Generic.List`1[[\(element.fullName)]]")
    }

    private static func genericType(_ name: String, _ args: [PSType]) -> PSType? {
        var lower = name.lowercased()
        if let tick = lower.firstIndex(of: "`") { lower = String(lower[..<tick]) }
        if lower.hasPrefix("system.") { lower = String(lower.dropFirst(7)) }
        let argText = args.map { "[" + $0.fullName + "]" }.joined(separator: ",")
        switch lower {
        case "collections.generic.list", "list":
            guard args.count == 1 else { return nil }
            return listType(of: args[0])
        case "nullable":
            // `[Nullable[int]]`: $null stays $null, anything else converts to the
            // underlying type (registered in Members.registerNativeConversions).
            guard args.count == 1 else { return nil }
            let t = PSType(kind: .named, fullName: "System.Nullable`1[" + argText + "]")
            t.genericArguments = args
            return t
        case "tuple", "valuetuple":
            // System.Tuple`1 … `8 (ValueTuple likewise): one type per item.
            guard (1...8).contains(args.count) else { return nil }
            let base = lower == "tuple" ? "System.Tuple" : "System.ValueTuple"
            let t = PSType(kind: .named, fullName: base + "`\(args.count)[" + argText + "]")
            t.genericArguments = args
            return t
        default:
            guard let base = genericFamilies[lower], base.arity == args.count else { return nil }
            let t = PSType(kind: .named, fullName: base.fullName + "`\(args.count)[" + argText + "]")
            t.genericArguments = args
            return t
        }
    }

    /// Generic .NET collections known by name only (members engineer models their methods).
    private static let genericFamilies: [String: (fullName: String, arity: Int)] = {
        var t: [String: (String, Int)] = [:]
        for (full, arity) in [("System.Collections.Generic.Dictionary", 2), ("System.Collections.Generic.HashSet", 1),
                              ("System.Collections.Generic.Queue", 1), ("System.Collections.Generic.Stack", 1),
                              ("System.Collections.Generic.SortedDictionary", 2), ("System.Collections.Generic.IEnumerable", 1),
                              ("System.Collections.Generic.IList", 1), ("System.Collections.Generic.KeyValuePair", 2),
                              ("System.Collections.Generic.LinkedList", 1), ("System.Collections.Generic.SortedSet", 1),
                              ("System.Collections.ObjectModel.Collection", 1), ("System.Collections.Concurrent.ConcurrentDictionary", 2),
                              ("System.Func", 2), ("System.Action", 1)] {
            let lower = full.lowercased()
            t[String(lower.dropFirst(7))] = (full, arity)
            // Short names (`Dictionary[string,int]`) resolve as well: PowerShell adds
            // System.Collections.Generic to the search when the name is unambiguous.
            if let dot = lower.lastIndex(of: ".") { t[String(lower[lower.index(after: dot)...])] = (full, arity) }
        }
        return t
    }()

    private static func resolveSimple(_ n: String, hooks: RuntimeHooks?) -> PSType? {
        let lower = n.lowercased()
        if let t = byName[lower] { return t }
        if !lower.hasPrefix("system."), let t = byName["system." + lower] { return t }
        if let h = hooks, let t = h.resolveUserType(n) { return t }
        // Enums only member calls use (DateTimeKind, WhereOperatorSelectionMode, …).
        if let d = DotNetEnums.named(n) ?? DotNetEnums.named("System." + n) {
            return PSType(kind: .enumeration(d), fullName: d.fullName)
        }
        return nil
    }

    /// The .NET type of an exception kind the runtime raises (`[System.ArgumentException]`).
    public static func exceptionType(_ e: ExceptionType) -> PSType {
        PSType(kind: .exception(e), fullName: e.chain.first ?? "System.Exception")
    }

    private static let allExceptionTypes: [ExceptionType] = [
        .exception, .systemException, .runtimeException, .argumentException, .argumentNullException,
        .argumentOutOfRangeException, .invalidOperationException, .itemNotFoundException, .sessionStateException, .driveNotFoundException,
        .commandNotFoundException, .parameterBindingException, .parameterBindingValidationException,
        .parameterBindingArgumentTransformationException, .divideByZeroException, .formatException,
        .invalidCastException, .psInvalidCastException, .indexOutOfRangeException,
        .nullReferenceException, .methodInvocationException, .methodException,
        .propertyNotFoundException, .parseException, .incompleteParseException,
        .notSupportedException, .notImplementedException, .keyNotFoundException, .overflowException,
        .arithmeticException, .ioException, .fileNotFoundException, .directoryNotFoundException,
        .unauthorizedAccessException, .pipelineStoppedException, .actionPreferenceStopException,
        .writeErrorException, .sessionStateUnauthorizedAccessException, .scriptCallDepthException,
        .validationMetadataException, .argumentTransformationMetadataException, .psArgumentException, .psArgumentNullException,
        .psArgumentOutOfRangeException, .psInvalidOperationException, .psNotSupportedException,
        .psSecurityException, .metadataException, .setValueInvocationException,
        .getValueInvocationException, .nativeCommandExitException, .wildcardPatternException,
        .regexParseException, .timeoutException, .operationCanceledException, .outOfMemoryException,
    ]

    /// Types known by name only: static classes and types scripts name but the runtime does not
    /// model as values (their static members live in the Members files).
    private static let namedOnly: [String] = [
        "System.Math", "System.Console", "System.Environment", "System.Convert", "System.IO.Path", "System.IO.File",
        "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.Text.Encoding",
        "System.Linq.Enumerable", "System.Net.WebUtility", "System.Uri", "System.BitConverter",
        "System.Globalization.CultureInfo", "System.DBNull", "System.Enum", "System.ValueType", "System.Array",
        "System.Collections.IEnumerable", "System.Collections.IList", "System.Collections.IDictionary",
        "System.Collections.ICollection", "System.IComparable", "System.IFormattable", "System.IConvertible",
        "System.Attribute", "System.Delegate", "System.Threading.Thread", "System.Diagnostics.Stopwatch",
        "System.Web.HttpUtility", "System.Management.Automation.PSReference", "System.Management.Automation.LanguagePrimitives",
        "System.Management.Automation.Language.Parser", "System.Management.Automation.PSMemberInfo",
        "System.Management.Automation.PSPropertyInfo", "System.Management.Automation.PSNoteProperty",
        "System.Management.Automation.CommandInfo", "System.Management.Automation.PSModuleInfo",
        "System.Management.Automation.InvocationInfo", "System.Management.Automation.Language.NullString",
        "System.Management.Automation.Internal.AutomationNull", "System.Text.RegularExpressions.Match",
        "System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.MatchCollection",
        "System.Text.RegularExpressions.Capture", "System.Security.Cryptography.SHA256", "System.Security.Cryptography.MD5",
        "System.Random", "System.TimeZoneInfo", "System.DateTimeOffset", "System.Net.IPAddress", "System.Char",
        "System.Management.Automation.WildcardPattern", "System.Management.Automation.PSVariable",
        "Microsoft.PowerShell.Commands.GroupInfo", "System.IO.FileSystemInfo", "System.Reflection.Assembly",
        "System.Runtime.InteropServices.RuntimeInformation", "System.AppDomain", "System.GC", "System.Buffer",
        "System.StringComparer", "System.Globalization.NumberStyles", "System.Globalization.DateTimeStyles",
        "System.Net.ServicePointManager", "System.Security.Principal.WindowsIdentity", "System.IO.StreamReader",
        "System.IO.StreamWriter", "System.Text.UTF8Encoding", "System.Collections.Specialized.OrderedDictionary",
        "System.Management.Automation.PSTypeName", "System.Tuple", "System.ValueTuple",
        "Microsoft.PowerShell.PSConsoleReadLine", "System.Management.Automation.Internal.InternalTestHooks",
        "System.Management.Automation.PSSerializer",
    ]

    /// Lower-cased full names and accelerators to types.
    private static let byName: [String: PSType] = {
        var t: [String: PSType] = [:]
        let core: [PSType] = [object, void, bool, int32, int64, double, decimal, string, char, byte, sbyte, int16,
                              uint16, uint32, uint64, single, bigInteger, arrayList, hashtable, ordered, psobject,
                              scriptblock, switchParameter, type, runtimeType, regex, version, semanticVersion, datetime, timespan,
                              guid, stringBuilder, securestring, pscredential, errorRecord, actionPreference, dayOfWeek,
                              consoleColor, outputRendering, orderedHashtable, errorCategory, stringSplitOptions, regexOptions, splitOptions,
                              stringComparison, midpointRounding, securityProtocolType, commandTypes, memberTypes, searchOption, psMemberTypes]
        for x in core { t[x.fullName.lowercased()] = x }
        t["system.management.automation.pscustomobject"] = pscustomobjectType
        for e in allExceptionTypes {
            let x = exceptionType(e)
            t[x.fullName.lowercased()] = x
        }
        for full in namedOnly where t[full.lowercased()] == nil {
            t[full.lowercased()] = PSType(kind: .named, fullName: full)
        }
        t["system.array"] = array
        // Type accelerators (pwsh 7.6 list): they take precedence over everything.
        for (name, full) in accelerators {
            let accel = name.lowercased()
            let lower = full.lowercased()
            if accel == "pscustomobject" {
                t[accel] = pscustomobject
            } else if let known = t[lower] {
                t[accel] = known
            } else {
                let x = PSType(kind: .named, fullName: full)
                t[lower] = x
                t[accel] = x
            }
        }
        return t
    }()

    /// pwsh 7.6's type accelerators (`[psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')::Get`).
    /// Spelled as pwsh lists them (completion shows them so); lookups lower-case them.
    public static let accelerators: [(name: String, fullName: String)] = [
        ("Alias", "System.Management.Automation.AliasAttribute"),
        ("AllowEmptyCollection", "System.Management.Automation.AllowEmptyCollectionAttribute"),
        ("AllowEmptyString", "System.Management.Automation.AllowEmptyStringAttribute"),
        ("AllowNull", "System.Management.Automation.AllowNullAttribute"),
        ("ArgumentCompleter", "System.Management.Automation.ArgumentCompleterAttribute"),
        ("ArgumentCompletions", "System.Management.Automation.ArgumentCompletionsAttribute"),
        ("array", "System.Array"),
        ("bigint", "System.Numerics.BigInteger"),
        ("bool", "System.Boolean"),
        ("byte", "System.Byte"),
        ("char", "System.Char"),
        ("cimclass", "Microsoft.Management.Infrastructure.CimClass"),
        ("cimconverter", "Microsoft.Management.Infrastructure.CimConverter"),
        ("ciminstance", "Microsoft.Management.Infrastructure.CimInstance"),
        ("CimSession", "Microsoft.Management.Infrastructure.CimSession"),
        ("cimtype", "Microsoft.Management.Infrastructure.CimType"),
        ("CmdletBinding", "System.Management.Automation.CmdletBindingAttribute"),
        ("cultureinfo", "System.Globalization.CultureInfo"),
        ("datetime", "System.DateTime"),
        ("decimal", "System.Decimal"),
        ("double", "System.Double"),
        ("DscLocalConfigurationManager", "System.Management.Automation.DscLocalConfigurationManagerAttribute"),
        ("DscProperty", "System.Management.Automation.DscPropertyAttribute"),
        ("DscResource", "System.Management.Automation.DscResourceAttribute"),
        ("ExperimentAction", "System.Management.Automation.ExperimentAction"),
        ("Experimental", "System.Management.Automation.ExperimentalAttribute"),
        ("ExperimentalFeature", "System.Management.Automation.ExperimentalFeature"),
        ("float", "System.Single"),
        ("guid", "System.Guid"),
        ("hashtable", "System.Collections.Hashtable"),
        ("initialsessionstate", "System.Management.Automation.Runspaces.InitialSessionState"),
        ("int", "System.Int32"),
        ("int16", "System.Int16"),
        ("int32", "System.Int32"),
        ("int64", "System.Int64"),
        ("ipaddress", "System.Net.IPAddress"),
        ("IPEndpoint", "System.Net.IPEndPoint"),
        ("long", "System.Int64"),
        ("mailaddress", "System.Net.Mail.MailAddress"),
        ("NoRunspaceAffinity", "System.Management.Automation.Language.NoRunspaceAffinityAttribute"),
        ("NullString", "System.Management.Automation.Language.NullString"),
        ("ObjectSecurity", "System.Security.AccessControl.ObjectSecurity"),
        ("ordered", "System.Collections.Specialized.OrderedDictionary"),
        ("OutputType", "System.Management.Automation.OutputTypeAttribute"),
        ("Parameter", "System.Management.Automation.ParameterAttribute"),
        ("PhysicalAddress", "System.Net.NetworkInformation.PhysicalAddress"),
        ("powershell", "System.Management.Automation.PowerShell"),
        ("psaliasproperty", "System.Management.Automation.PSAliasProperty"),
        ("pscredential", "System.Management.Automation.PSCredential"),
        ("pscustomobject", "System.Management.Automation.PSObject"),
        ("PSDefaultValue", "System.Management.Automation.PSDefaultValueAttribute"),
        ("pslistmodifier", "System.Management.Automation.PSListModifier"),
        ("psmoduleinfo", "System.Management.Automation.PSModuleInfo"),
        ("psnoteproperty", "System.Management.Automation.PSNoteProperty"),
        ("psobject", "System.Management.Automation.PSObject"),
        ("psprimitivedictionary", "System.Management.Automation.PSPrimitiveDictionary"),
        ("pspropertyexpression", "Microsoft.PowerShell.Commands.PSPropertyExpression"),
        ("psscriptmethod", "System.Management.Automation.PSScriptMethod"),
        ("psscriptproperty", "System.Management.Automation.PSScriptProperty"),
        ("PSTypeNameAttribute", "System.Management.Automation.PSTypeNameAttribute"),
        ("psvariable", "System.Management.Automation.PSVariable"),
        ("psvariableproperty", "System.Management.Automation.PSVariableProperty"),
        ("ref", "System.Management.Automation.PSReference"),
        ("regex", "System.Text.RegularExpressions.Regex"),
        ("runspace", "System.Management.Automation.Runspaces.Runspace"),
        ("runspacefactory", "System.Management.Automation.Runspaces.RunspaceFactory"),
        ("sbyte", "System.SByte"),
        ("scriptblock", "System.Management.Automation.ScriptBlock"),
        ("securestring", "System.Security.SecureString"),
        ("semver", "System.Management.Automation.SemanticVersion"),
        ("short", "System.Int16"),
        ("single", "System.Single"),
        ("string", "System.String"),
        ("SupportsWildcards", "System.Management.Automation.SupportsWildcardsAttribute"),
        ("switch", "System.Management.Automation.SwitchParameter"),
        ("timespan", "System.TimeSpan"),
        ("type", "System.Type"),
        ("uint", "System.UInt32"),
        ("uint16", "System.UInt16"),
        ("uint32", "System.UInt32"),
        ("uint64", "System.UInt64"),
        ("ulong", "System.UInt64"),
        ("uri", "System.Uri"),
        ("ushort", "System.UInt16"),
        ("ValidateCount", "System.Management.Automation.ValidateCountAttribute"),
        ("ValidateDrive", "System.Management.Automation.ValidateDriveAttribute"),
        ("ValidateLength", "System.Management.Automation.ValidateLengthAttribute"),
        ("ValidateNotNull", "System.Management.Automation.ValidateNotNullAttribute"),
        ("ValidateNotNullOrEmpty", "System.Management.Automation.ValidateNotNullOrEmptyAttribute"),
        ("ValidateNotNullOrWhiteSpace", "System.Management.Automation.ValidateNotNullOrWhiteSpaceAttribute"),
        ("ValidatePattern", "System.Management.Automation.ValidatePatternAttribute"),
        ("ValidateRange", "System.Management.Automation.ValidateRangeAttribute"),
        ("ValidateScript", "System.Management.Automation.ValidateScriptAttribute"),
        ("ValidateSet", "System.Management.Automation.ValidateSetAttribute"),
        ("ValidateTrustedData", "System.Management.Automation.ValidateTrustedDataAttribute"),
        ("ValidateUserDrive", "System.Management.Automation.ValidateUserDriveAttribute"),
        ("version", "System.Version"),
        ("void", "System.Void"),
        ("WildcardPattern", "System.Management.Automation.WildcardPattern"),
        ("X500DistinguishedName", "System.Security.Cryptography.X509Certificates.X500DistinguishedName"),
        ("X509Certificate", "System.Security.Cryptography.X509Certificates.X509Certificate"),
        ("xml", "System.Xml.XmlDocument"),
    ]

    // MARK: Parsing type names written as text

    /// Parses `Name`, `Name[]`, `Name[,]`, `Name[Arg1,Arg2]`, `Name[[Arg]]` into a TypeName.
    public static func parseTypeName(_ text: String) -> TypeName? {
        let units = Array(text.utf16)
        var pos = 0
        guard let t = parseTypeName(units, &pos), pos == units.count else { return nil }
        return t
    }

    private static func parseTypeName(_ u: [UInt16], _ pos: inout Int) -> TypeName? {
        skipSpaces(u, &pos)
        let start = pos
        while pos < u.count, u[pos] != 0x5B, u[pos] != 0x5D, u[pos] != 0x2C { pos += 1 } // [ ] ,
        var nameEnd = pos
        while nameEnd > start, u[nameEnd - 1] == 0x20 { nameEnd -= 1 }
        guard nameEnd > start else { return nil }
        var result = TypeName.simple(String(decoding: u[start..<nameEnd], as: UTF16.self))
        while pos < u.count, u[pos] == 0x5B {
            pos += 1
            skipSpaces(u, &pos)
            if pos < u.count, u[pos] == 0x5D || u[pos] == 0x2C {
                var rank = 1
                while pos < u.count, u[pos] == 0x2C { rank += 1; pos += 1 }
                guard pos < u.count, u[pos] == 0x5D else { return nil }
                pos += 1
                result = .array(result, rank: rank)
                continue
            }
            guard case .simple(let baseName) = result else { return nil }
            var args: [TypeName] = []
            while true {
                skipSpaces(u, &pos)
                let bracketed = pos < u.count && u[pos] == 0x5B
                if bracketed { pos += 1 }
                guard let a = parseTypeName(u, &pos) else { return nil }
                skipSpaces(u, &pos)
                if bracketed {
                    // `[[System.String, mscorlib]]`: skip an assembly qualification.
                    while pos < u.count, u[pos] != 0x5D { pos += 1 }
                    guard pos < u.count else { return nil }
                    pos += 1
                    skipSpaces(u, &pos)
                }
                args.append(a)
                guard pos < u.count else { return nil }
                if u[pos] == 0x2C { pos += 1; continue }
                if u[pos] == 0x5D { pos += 1; break }
                return nil
            }
            result = .generic(baseName, args)
        }
        return result
    }

    private static func skipSpaces(_ u: [UInt16], _ pos: inout Int) {
        while pos < u.count, u[pos] == 0x20 { pos += 1 }
    }
}
