/// Unsigned LEB128: seven bits a byte, low bits first, the high bit set on all but the last.
enum Varint {
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        var value = UInt(value)
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The value at `offset`, and the offset after it; nil past the end.
    static func read(_ bytes: [UInt8], at offset: Int) -> (value: Int, next: Int)? {
        var value = 0, shift = 0, offset = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            value |= Int(byte & 0x7F) << shift
            offset += 1
            if byte < 0x80 { return (value, offset) }
            shift += 7
        }
        return nil
    }
}

/// The index's version, which changes whenever any of its files does: FNV-1a's step taken a
/// word (eight bytes) at a time, quick enough for the 60 MB of records of a 10,000-note site.
struct ContentHash: Sendable {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    mutating func add(_ word: UInt64) {
        value = (value ^ word) &* 0x100000001b3
        value ^= value >> 29
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.value
    }

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                add(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            var tail: UInt64 = UInt64(raw.count) << 56
            for (shift, byte) in raw[offset...].enumerated() { tail |= UInt64(byte) << (8 * shift) }
            add(tail)
        }
    }
}

/// JSON text appended as UTF-8 bytes: the search files are written for every note, and
/// escaping a note's text byte by byte is several times quicker than `JSONEncoder`.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes += text.utf8 }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs that need no escape are copied whole.
            var run = 0
            for (offset, byte) in utf8.enumerated() where byte < 32 || byte == UInt8(ascii: "\"") || byte == 92 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<offset]))
                escape(byte)
                run = offset + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 10: bytes += [92, UInt8(ascii: "n")]
        case 9: bytes += [92, UInt8(ascii: "t")]
        case 13: bytes += [92, UInt8(ascii: "r")]
        case 0..<32: bytes += [92, UInt8(ascii: "u"), 48, 48, hexDigit(byte >> 4), hexDigit(byte & 15)]
        default: bytes += [92, byte]
        }
    }

    mutating func strings(_ texts: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (number, text) in texts.enumerated() {
            if number > 0 { bytes.append(UInt8(ascii: ",")) }
            string(text)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 87 + value }
}
