import Foundation

/// Which GitHub-flavoured Markdown extensions a body may use, from byte scans of its text.
///
/// Every note pays for these scans (a few `memchr`/`memmem` calls); the passes themselves
/// run only where their trigger occurs, so a note without tables, tildes, footnotes or
/// bare URLs costs nothing more.
struct GitHubExtensions {
    var tables = false
    var strikethrough = false
    var footnotes = false
    var autolinks = false
    var taskLists = false

    init(scanning source: String) {
        source.withUTF8Bytes { bytes in
            func has(_ needle: [UInt8]) -> Bool { bytes.contains(needle) }
            tables = bytes.offset(of: UInt8(ascii: "|"), from: 0) != nil
            strikethrough = bytes.offset(of: UInt8(ascii: "~"), from: 0) != nil
            footnotes = has(Array("[^".utf8))
            autolinks = has(Array("www.".utf8)) || has(Array("://".utf8)) || bytes.offset(of: UInt8(ascii: "@"), from: 0) != nil
            taskLists = has(Array("[ ]".utf8)) || has(Array("[x]".utf8)) || has(Array("[X]".utf8))
        }
    }

    var any: Bool { tables || strikethrough || footnotes || autolinks || taskLists }
}
