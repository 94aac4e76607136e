import XCTest
import PowerShellRuntime
@testable import PowerShellFormatting

/// The complex writer: text is written at each new line with the indentation of the frames
/// open then, word-wrapped to the width they leave (pwsh's ComplexWriter).
final class ComplexWriterTests: XCTestCase {
    func testFramesIndentAtTheNewLine() {
        let nodes: [ComplexNode] = [
            .text("NAME"), .newline,
            .frame(leftIndent: 4, rightIndent: 0, firstLine: 0, [.text("x"), .newline, .newline]),
            .text("pending"),
        ]
        XCTAssertEqual(ComplexWriter.lines(nodes, columns: 79), ["NAME", "    x", "    ", "pending"])
    }

    func testTextPendingWhenAFrameClosesTakesTheOuterIndentation() {
        let nodes: [ComplexNode] = [.frame(leftIndent: 4, rightIndent: 0, firstLine: 0, [.frame(leftIndent: 4, rightIndent: 0, firstLine: 0, [.text("a")])]), .newline]
        XCTAssertEqual(ComplexWriter.lines(nodes, columns: 79), ["a", ""])
    }

    func testWrapsAtTheWidthLeft() {
        let words = Array(repeating: "word", count: 20).joined(separator: " ")
        let lines = ComplexWriter.lines([.frame(leftIndent: 4, rightIndent: 0, firstLine: 0, [.text(words), .newline])], columns: 30)
        XCTAssertEqual(lines.first, "    word word word word word ")
        XCTAssertTrue(lines.allSatisfy { $0.count <= 30 }, "\(lines)")
    }

    func testHangingFirstLine() {
        let nodes: [ComplexNode] = [.frame(leftIndent: 0, rightIndent: 0, firstLine: -4, [.text("01. one two three four"), .newline])]
        XCTAssertEqual(ComplexWriter.lines(nodes, columns: 16), ["01. one two ", "    three four", ""])
    }

    func testControlEntriesChosenByType() {
        let para = PSCustomObject([("Text", .string("para"))])
        para.extraTypeNames = ["MamlParaTextItem"]
        let control = CustomControl([
            CustomControl.Entry(selectedBy: ["MamlParaTextItem"], [.property("Text"), .newline]),
            CustomControl.Entry([.text("other")]),
        ])
        let gen = ComplexControlGenerator(source: .basic, text: ValueText(source: .basic, enumerationLimit: 4))
        let list = CustomControl([.property("Items", enumerate: true, control: control)])
        let obj = PSCustomObject([("Items", .object(PSArray([.object(para), .string("s")])))])
        XCTAssertEqual(ComplexWriter.lines(gen.generate(list, .object(obj)), columns: 79), ["para", "other"])
    }
}
