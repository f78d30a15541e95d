import Mustache

/// Escaping for text written into HTML: by templates (through `HTMLText`) and outside them
/// (link tags, attributes).
enum HTML {
    /// Escapes `& < > " '`, the same set and the same entities as swift-mustache's HTML
    /// escaping, so any context is safe. Works on UTF-8 bytes and returns `text` itself when
    /// nothing needs escaping, which is nearly always.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { entity(for: $0) != nil }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            if let entity = entity(for: byte) {
                escaped.append(contentsOf: entity)
            } else {
                escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    @inline(__always)
    private static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): ampersand
        case UInt8(ascii: "<"): lessThan
        case UInt8(ascii: ">"): greaterThan
        case UInt8(ascii: "\""): quote
        case UInt8(ascii: "'"): apostrophe
        default: nil
        }
    }

    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)

    /// `text` cut at every `token` (which is dropped): `pieces.joined(separator: x)` puts `x`
    /// where each token was. Compares UTF-8 bytes; Foundation's `replacingOccurrences` compares
    /// Unicode characters and was ten times slower on a long page.
    static func pieces(of text: String, cutAt token: String) -> [String] {
        let needle = Array(token.utf8)
        let bytes = text.utf8
        guard let first = needle.first, bytes.contains(first) else { return [text] }
        var pieces: [String] = []
        var pieceStart = bytes.startIndex
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            guard bytes[found...].starts(with: needle) else {
                index = bytes.index(after: found)
                continue
            }
            pieces.append(String(text[pieceStart..<found]))
            pieceStart = bytes.index(found, offsetBy: needle.count)
            index = pieceStart
        }
        pieces.append(String(text[pieceStart...]))
        return pieces
    }
}

/// The HTML escaping every theme template renders with (see `Theme.contentTypePragma`):
/// the same output as swift-mustache's own, which looks up every `Character` in a dictionary
/// and took a fifth of the render time.
struct HTMLText: MustacheContentType {
    static let name = "OUTLOUD_HTML"

    /// Registers the content type with swift-mustache, once per process.
    static let registered: Void = MustacheContentTypes.register(HTMLText(), named: name)

    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
