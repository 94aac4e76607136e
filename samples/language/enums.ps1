# Evidence: about_Enum (Example 1 casts of integers and labels, Example 2 explicit and synonym
# values with GetEnumNames()/GetEnumName(), [MediaTypes]::png -eq 22, Example 3 [Flags()]
# enum with += , string expansion, -band and HasFlag(), Example 4 enum parameter
# taking a label string or a number), about_Type_Conversion (Enum type conversion).
enum MarkdownUnorderedListCharacter {
    Asterisk
    Dash
    Plus
}
[MarkdownUnorderedListCharacter]0
[MarkdownUnorderedListCharacter]'Dash'
[int][MarkdownUnorderedListCharacter]::Plus
[MarkdownUnorderedListCharacter]1 -eq [MarkdownUnorderedListCharacter]::Dash
enum MediaTypes {
    unknown
    music   = 10
    mp3
    aac
    ogg     = 15
    oga     = 15
    mogg    = 15
    picture = 20
    jpg
    jpeg    = 21
    png
    video   = 40
    mpg
    mpeg    = 41
    avi
    m4v
}
[MediaTypes].GetEnumNames() -join ','
[MediaTypes].GetEnumName(15)
[MediaTypes]::png
[MediaTypes]::png -eq 22
[int][MediaTypes]::m4v
[int][MediaTypes]::mp3
[Flags()] enum FileAttributes {
    Archive    = 1
    Compressed = 2
    Device     = 4
    Directory  = 8
    Encrypted  = 16
    Hidden     = 32
}
[FileAttributes]$file1 =  [FileAttributes]::Archive
[FileAttributes]$file1 += [FileAttributes]::Compressed
[FileAttributes]$file1 += [FileAttributes]::Device
"file1 attributes are: $file1"
[FileAttributes]$file2 = [FileAttributes]28
"file2 attributes are: $file2"
($file2 -band [FileAttributes]::Device) -eq [FileAttributes]::Device
($file2 -band [FileAttributes]::Archive) -eq [FileAttributes]::Archive
$file1.HasFlag([FileAttributes]::Device)
$file1.HasFlag([FileAttributes]::Hidden)
enum EndOfLine {
    CR   = 1
    LF   = 2
    CRLF = 3
}
function ConvertTo-LineEndingRegex {
    [CmdletBinding()]
    param ([Parameter(ValueFromPipeline)] [EndOfLine[]]$InputObject)
    process {
        switch ($InputObject) {
            CR   { '\r' }
            CRLF { '\r\n' }
            LF   { '\n' }
        }
    }
}
[EndOfLine]::CR | ConvertTo-LineEndingRegex
'CRLF' | ConvertTo-LineEndingRegex
ConvertTo-LineEndingRegex 2
