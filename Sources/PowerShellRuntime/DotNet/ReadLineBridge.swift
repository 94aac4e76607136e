/// `[Microsoft.PowerShell.PSConsoleReadLine]`: what a `Set-PSReadLineKeyHandler -ScriptBlock`
/// handler can do to the line being edited (Insert, Delete, Replace, GetBufferState,
/// SetCursorPosition, and the editor's functions by name, such as BackwardWord or AcceptLine).
/// The interactive line editor sets `current` while it reads a line.
public protocol ReadLineEditing: AnyObject {
    /// Runs one static method (`name` lower-cased); nil when there is no such method.
    func invoke(_ name: String, _ args: [Value]) throws -> Value?
}

public enum ReadLineBridge {
    nonisolated(unsafe) public static weak var current: ReadLineEditing?
}
