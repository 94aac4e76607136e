import Foundation
import PowerShellRuntime

/// Get-Random and New-Guid.
enum RandomCmdlets {
    static let all: [(String, Cmdlet.Type)] = [
        ("Get-Random", GetRandomCommand.self),
        ("New-Guid", NewGuidCommand.self),
    ]
}

/// .NET's `System.Random(seed)`: Knuth's subtractive generator as .NET keeps it for seeded
/// instances (Net5CompatSeedImpl), so seeded scripts see the numbers pwsh shows.
struct DotNetSeededRandom {
    private var seedArray = [Int32](repeating: 0, count: 56)
    private var inext = 0
    private var inextp = 21

    init(seed: Int32) {
        let subtraction = seed == Int32.min ? Int32.max : abs(seed)
        var mj = 161_803_398 - subtraction
        seedArray[55] = mj
        var mk: Int32 = 1
        var ii = 0
        for _ in 1..<55 {
            ii += 21
            if ii >= 55 { ii -= 55 }
            seedArray[ii] = mk
            mk = mj &- mk
            if mk < 0 { mk &+= Int32.max }
            mj = seedArray[ii]
        }
        for _ in 1..<5 {
            for i in 1..<56 {
                var n = i + 30
                if n >= 55 { n -= 55 }
                seedArray[i] = seedArray[i] &- seedArray[1 + n]
                if seedArray[i] < 0 { seedArray[i] &+= Int32.max }
            }
        }
    }

    /// `Random.Next()`: 0 ≤ n < Int32.MaxValue.
    mutating func internalSample() -> Int32 {
        var locINext = inext + 1
        if locINext >= 56 { locINext = 1 }
        var locINextp = inextp + 1
        if locINextp >= 56 { locINextp = 1 }
        var ret = seedArray[locINext] &- seedArray[locINextp]
        if ret == Int32.max { ret -= 1 }
        if ret < 0 { ret &+= Int32.max }
        seedArray[locINext] = ret
        inext = locINext
        inextp = locINextp
        return ret
    }

    /// `Random.Next(maxValue)` of the seeded implementation.
    mutating func next(_ maxValue: Int32) -> Int32 {
        Int32(Double(internalSample()) * (1.0 / Double(Int32.max)) * Double(maxValue))
    }

    /// `Random.NextBytes`: one sample's low byte per byte.
    mutating func nextBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: internalSample()) }
    }
}

/// pwsh's PolymorphicRandomNumberGenerator: every number comes from NextBytes, either the
/// seeded .NET generator's or the system's cryptographic one.
final class PolymorphicRandom {
    private var seeded: DotNetSeededRandom?

    init(seed: Int32? = nil) {
        seeded = seed.map { DotNetSeededRandom(seed: $0) }
    }

    func nextBytes(_ count: Int) -> [UInt8] {
        if var s = seeded {
            let bytes = s.nextBytes(count)
            seeded = s
            return bytes
        }
        var g = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &g) }
    }

    private func internalSample() -> Int32 {
        let b = nextBytes(4)
        return Int32(bitPattern: UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24)
    }

    /// 0 ≤ n < Int32.MaxValue.
    func next() -> Int32 {
        var n: Int32
        repeat { n = internalSample() } while n == Int32.max
        if n < 0 { n &+= Int32.max }
        return n
    }

    func nextDouble() -> Double { Double(next()) * (1.0 / Double(Int32.max)) }

    /// min ≤ n < max (min ≤ max).
    func next(_ minValue: Int32, _ maxValue: Int32) -> Int32 {
        let range = Int64(maxValue) - Int64(minValue)
        if range <= Int64(Int32.max) {
            return Int32(clamping: Int64(nextDouble() * Double(range)) + Int64(minValue))
        }
        var sample: Double
        repeat { sample = Double(internalSample()) } while sample == Double(Int32.max)
        sample += Double(Int32.max)
        let large = sample * (1.0 / (2 * Double(UInt32(Int32.max))))
        return Int32(clamping: Int64(large * Double(range)) + Int64(minValue))
    }

    func nextInt64(_ minValue: Int64, _ maxValue: Int64) -> Int64 {
        let diff = maxValue.subtractingReportingOverflow(minValue)
        let udiff = UInt64(bitPattern: diff.partialValue)
        if udiff <= UInt64(Int32.max) {
            return minValue + Int64(next(0, Int32(udiff)))
        }
        let bits = 64 - udiff.leadingZeroBitCount
        let mask: UInt64 = bits >= 64 ? UInt64.max : (UInt64(1) << UInt64(bits)) - 1
        var r: UInt64
        repeat {
            let b = nextBytes(8)
            r = b.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) } & mask
        } while udiff <= r
        let value = Double(minValue) + Double(r)
        return value >= 9.223372036854775807e18 ? Int64.max : Int64(value)
    }

    func nextDouble(_ minValue: Double, _ maxValue: Double) -> Double {
        var diff = maxValue - minValue
        var n: Double
        if diff.isInfinite {
            repeat {
                let r = nextDouble()
                n = minValue + r * maxValue - r * minValue
            } while n >= maxValue
        } else {
            repeat {
                let r = nextDouble()
                n = minValue + r * diff
                diff *= r
            } while n >= maxValue
        }
        return n
    }

    /// The generator of each session; -SetSeed replaces it, as pwsh does per runspace.
    nonisolated(unsafe) private static var perSession: [ObjectIdentifier: PolymorphicRandom] = [:]
    private static let lock = NSLock()

    static func forSession(_ context: ExecutionContext) -> PolymorphicRandom {
        lock.lock()
        defer { lock.unlock() }
        if let g = perSession[ObjectIdentifier(context)] { return g }
        let g = PolymorphicRandom()
        perSession[ObjectIdentifier(context)] = g
        return g
    }

    static func setSeed(_ seed: Int32, for context: ExecutionContext) -> PolymorphicRandom {
        lock.lock()
        defer { lock.unlock() }
        let g = PolymorphicRandom(seed: seed)
        perSession[ObjectIdentifier(context)] = g
        return g
    }
}

/// `Get-Random [[-Maximum] <Object>] [-Minimum <Object>] [-Count <int>] [-SetSeed <int>]`,
/// `Get-Random [-InputObject] <Object[]> [-Count <int>]`, `… -Shuffle`.
final class GetRandomCommand: Cmdlet {
    private var generator: PolymorphicRandom?
    private var listMode = false
    private var chosen: [Value] = []
    private var processed = 0
    private var count = 1

    override func begin(_ rt: CommandRuntime) throws {
        if let s = rt.bound["SetSeed"], !s.isNull {
            generator = PolymorphicRandom.setSeed(Int32(truncatingIfNeeded: (try? Conversion.toInt64(s)) ?? 0), for: rt.context)
        } else {
            generator = PolymorphicRandom.forSession(rt.context)
        }
        count = rt.bound.int("Count") ?? 1
        if count < 1 {
            try rt.throwTerminating(rt.makeError(.parameterBindingValidationException,
                                                 "Cannot validate argument on parameter 'Count'. The \(count) argument is less than the minimum allowed range of 1. Supply an argument that is greater than or equal to 1 and then try the command again.",
                                                 errorId: "ParameterArgumentValidationError", category: .InvalidData))
        }
        let maximum = rt.bound["Maximum"], minimum = rt.bound["Minimum"]
        let set = rt.bound.parameterSetName.lowercased()
        if rt.expectingInput && maximum == nil && minimum == nil { listMode = true }
        else if set.contains("listitem") || set.contains("shuffle") || rt.bound.has("InputObject") || rt.bound.isOn("Shuffle") { listMode = true }
        else if let m = maximum, m.array != nil { listMode = true }
        if listMode { return }
        try randomNumbers(maximum, minimum, rt)
    }

    private func operand(_ v: Value?, _ rt: CommandRuntime) throws -> Value? {
        guard let v, !v.isNull else { return nil }
        if case .string(let s) = v {
            guard let n = Conversion.scanNumber(s) else {
                try rt.throwTerminating(rt.makeError(.psInvalidCastException,
                                                     "Cannot convert value \"\(s)\" to type \"System.Int32\". Error: \"The input string '\(s)' was not in a correct format.\"",
                                                     errorId: "InvalidCastFromStringToInteger", category: .InvalidArgument))
            }
            return n
        }
        return v
    }

    private func randomNumbers(_ maximum: Value?, _ minimum: Value?, _ rt: CommandRuntime) throws {
        guard let g = generator else { return }
        let maxOp = try operand(maximum, rt), minOp = try operand(minimum, rt)
        func isInt(_ v: Value?) -> Bool {
            guard let v else { return true }
            if case .int = v { return true }
            return false
        }
        func isLong(_ v: Value?) -> Bool {
            guard let v else { return true }
            if case .long = v { return true }
            return isInt(v)
        }
        func minGreater(_ a: String, _ b: String) throws -> Never {
            try rt.throwTerminating(rt.makeError(.argumentException,
                                                 "The Minimum value (\(a)) cannot be greater than or equal to the Maximum value (\(b)).",
                                                 errorId: "MinGreaterThanOrEqualMax", category: .InvalidArgument))
        }
        if isInt(maxOp) && isInt(minOp) {
            var minV: Int32 = 0, maxV = Int32.max
            if case .int(let i)? = minOp { minV = i }
            if case .int(let i)? = maxOp { maxV = i }
            if minV >= maxV { try minGreater(String(minV), String(maxV)) }
            for _ in 0..<count { try rt.writeObject(.int(g.next(minV, maxV))) }
        } else if isLong(maxOp) && isLong(minOp) {
            let minV = try minOp.map { try Conversion.toInt64($0) } ?? 0
            let maxV = try maxOp.map { try Conversion.toInt64($0) } ?? Int64.max
            if minV >= maxV { try minGreater(String(minV), String(maxV)) }
            for _ in 0..<count { try rt.writeObject(.long(g.nextInt64(minV, maxV))) }
        } else {
            let minV = try minOp.map { try Conversion.toDouble($0) } ?? 0
            let maxV = try maxOp.map { try Conversion.toDouble($0) } ?? Double.greatestFiniteMagnitude
            if minV >= maxV { try minGreater(NumberFormatting.format(minV), NumberFormatting.format(maxV)) }
            for _ in 0..<count { try rt.writeObject(.double(g.nextDouble(minV, maxV))) }
        }
    }

    override func process(_ rt: CommandRuntime) throws {
        guard listMode, let g = generator else { return }
        let input = rt.bound[folded: "inputobject"] ?? rt.bound["Maximum"] ?? .null
        let items = input.array?.items ?? [input]
        for item in items {
            if rt.bound.isOn("Shuffle") {
                chosen.append(item)
            } else if processed < count {
                chosen.append(item)
            } else if Int(g.next(0, Int32(clamping: processed + 1))) < count {
                chosen[Int(g.next(0, Int32(clamping: chosen.count)))] = item
            }
            processed += 1
        }
    }

    override func end(_ rt: CommandRuntime) throws {
        guard listMode, let g = generator else { return }
        let n = chosen.count
        for i in 0..<n {
            let j = Int(g.next(Int32(i), Int32(n)))
            try rt.writeObject(chosen[j])
            if i != j { chosen[j] = chosen[i] }
        }
    }
}

/// `New-Guid [-Empty] [[-InputObject] <string>]`
final class NewGuidCommand: Cmdlet {
    override func process(_ rt: CommandRuntime) throws {
        if rt.bound.isOn("Empty") {
            if let g = PSGuid.parse("00000000-0000-0000-0000-000000000000") { try rt.writeObject(.object(g)) }
            return
        }
        if let s = rt.bound.string("InputObject") {
            guard let g = PSGuid.parse(s) else {
                try rt.writeError(rt.makeError(.formatException,
                                               "Unrecognized Guid format.",
                                               errorId: "StringNotRecognizedAsGuid", category: .InvalidArgument, target: .string(s)))
                return
            }
            try rt.writeObject(.object(g))
            return
        }
        try rt.writeObject(.object(PSGuid.newGuid()))
    }
}
