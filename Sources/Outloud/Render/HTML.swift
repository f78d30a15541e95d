import Mustache

/// Escaping for text written into HTML: by templates (through `HTMLText`) and outside them
/// (link tags, attributes).
enum HTML {
    /// Escapes `& < > " '`, the same set and the same entities as swift-mustache's HTML
    /// escaping, so any context is safe. Works on UTF-8 bytes and returns `text` itself when
    /// nothing needs escaping, which is nearly always.
    static func escape(_ text: String) -> String {
        text.withUTF8Bytes { bytes -> String? in
            guard let first = bytes.firstIndex(where: { entity(for: $0) != nil }) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 32)
            escaped.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if let entity = entity(for: byte) {
                    escaped.append(contentsOf: entity)
                } else {
                    escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
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
        return text.withUTF8Bytes { bytes in
            var pieces: [String] = []
            var pieceStart = 0, index = 0
            while let found = bytes.offset(of: needle[0], from: index) {
                guard bytes.matches(needle, at: found) else {
                    index = found + 1
                    continue
                }
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[pieceStart..<found]), as: UTF8.self))
                pieceStart = found + needle.count
                index = pieceStart
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[pieceStart...]), as: UTF8.self))
            return pieces
        }
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
