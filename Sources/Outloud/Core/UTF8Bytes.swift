import Foundation

/// Byte searches over a string's UTF-8, with `memchr` on its contiguous storage. Iterating
/// `String.UTF8View` byte by byte is several times slower, and these run over every note.
extension String {
    /// Whether the UTF-8 holds `byte`.
    func containsByte(_ byte: UInt8) -> Bool {
        withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether the UTF-8 holds `first` directly followed by `second` (`[!`, `==`).
    func containsBytes(_ first: UInt8, _ second: UInt8) -> Bool {
        withUTF8Bytes { bytes in
            var index = 0
            while let found = bytes.offset(of: first, from: index) {
                if found + 1 < bytes.count && bytes[found + 1] == second { return true }
                index = found + 1
            }
            return false
        }
    }

    /// Unicode's composed form (NFC), as file names are compared. ASCII is its own, and
    /// asking Foundation costs a trip through ICU for every link.
    var precomposed: String {
        withUTF8Bytes { bytes in bytes.allSatisfy { $0 < 0x80 } } ? self : precomposedStringWithCanonicalMapping
    }

    /// Calls `body` with the UTF-8 bytes, without copying them when the string is native.
    func withUTF8Bytes<Value, Failure: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Value) throws(Failure) -> Value {
        var text = self
        let result: Result<Value, Failure> = text.withUTF8 { bytes in
            do throws(Failure) { return .success(try body(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` at or after `start`.
    func offset(of byte: UInt8, from start: Int) -> Int? {
        guard start < count, let base = baseAddress, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `needle` occurs anywhere: `memchr` for its first byte, then a comparison.
    func contains(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var start = 0
        while let found = offset(of: first, from: start) {
            if matches(needle, at: found) { return true }
            start = found + 1
        }
        return false
    }

    /// Whether `needle` starts at `offset`.
    func matches(_ needle: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + needle.count <= count else { return false }
        for (index, byte) in needle.enumerated() where self[offset + index] != byte { return false }
        return true
    }
}
