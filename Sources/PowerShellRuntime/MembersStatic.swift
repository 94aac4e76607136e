import Foundation

/// Static members of types: `[math]::Round`, `[string]::Join`, `[int]::MaxValue`, constructors.
enum StaticMembers {
    static func get(_ type: PSType, _ name: String, hooks: RuntimeHooks) throws -> Value? {
        nil
    }

    static func set(_ type: PSType, _ name: String, _ value: Value, hooks: RuntimeHooks) throws {
        throw MemberErrors.propertyNotFoundForSet(name)
    }

    static func invoke(_ type: PSType, _ name: String, _ a: MethodArgs) throws -> Value? {
        nil
    }

    static func canonicalName(_ type: PSType, _ name: String) -> String { name }
}
