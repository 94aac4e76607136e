import Foundation

/// A native object whose settable properties have .NET types: a value is converted to the
/// property's type as a .NET setter takes it, and one that does not convert fails as pwsh's
/// PSSetMemberBinder reports it (`Exception setting "X": "Cannot convert …"`).
protocol TypedPropertySetter {
    /// Sets the property and returns true, or returns false when the object has no settable
    /// property of that name.
    func setTypedProperty(_ name: String, _ value: Value, hooks: RuntimeHooks) throws -> Bool
}
