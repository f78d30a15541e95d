/// A language's special words (keywords, types, builtins, constants) looked up by their
/// bytes, so that no `String` is made for each name in the code.
///
/// Open addressing over a power-of-two table of FNV-1a hashes; the words' bytes live in one
/// array. Case-insensitive tables (SQL, Dockerfile) store and hash lower-cased ASCII.
struct NameTable: Sendable {
    private struct Slot: Sendable {
        var hash: UInt32
        var offset: UInt32
        var length: UInt8
        var kind: TokenClass
    }

    private var slots: [Slot?]
    private var storage: [UInt8] = []
    private let mask: Int
    let caseInsensitive: Bool
    /// Longer names are never special: the look-up stops before hashing them.
    private var longest = 0

    /// `groups` pairs a class with the words, separated by spaces, that have it; a later
    /// group does not override an earlier one.
    init(caseInsensitive: Bool = false, _ groups: [(TokenClass, String)]) {
        self.caseInsensitive = caseInsensitive
        let count = groups.reduce(0) { $0 + $1.1.split(separator: " ").count }
        var size = 16
        while size < count * 2 { size <<= 1 }
        slots = Array(repeating: nil, count: size)
        mask = size - 1
        for (kind, words) in groups {
            for word in words.split(separator: " ") { insert(Array(word.utf8), kind) }
        }
    }

    private mutating func insert(_ word: [UInt8], _ kind: TokenClass) {
        let bytes = caseInsensitive ? word.map(Self.lower) : word
        let hash = bytes.withUnsafeBufferPointer { Self.hash($0, 0, $0.count, lower: false) }
        var index = Int(hash) & mask
        while let slot = slots[index] {
            if slot.hash == hash, Array(storage[Int(slot.offset)..<Int(slot.offset) + Int(slot.length)]) == bytes { return }
            index = (index + 1) & mask
        }
        slots[index] = Slot(hash: hash, offset: UInt32(storage.count), length: UInt8(bytes.count), kind: kind)
        storage.append(contentsOf: bytes)
        longest = max(longest, bytes.count)
    }

    /// The class of the name `bytes[start..<end]`, or nil when it is an ordinary name.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenClass? {
        let length = end - start
        guard length <= longest else { return nil }
        let hash = Self.hash(bytes, start, end, lower: caseInsensitive)
        var index = Int(hash) & mask
        while let slot = slots[index] {
            if slot.hash == hash, Int(slot.length) == length, matches(slot, bytes, start) { return slot.kind }
            index = (index + 1) & mask
        }
        return nil
    }

    private func matches(_ slot: Slot, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        let offset = Int(slot.offset)
        for index in 0..<Int(slot.length) {
            let byte = caseInsensitive ? Self.lower(bytes[start + index]) : bytes[start + index]
            if storage[offset + index] != byte { return false }
        }
        return true
    }

    private static func lower(_ byte: UInt8) -> UInt8 { Bytes.isUpper(byte) ? byte | 0x20 : byte }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lower: Bool) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for index in start..<end {
            hash = (hash ^ UInt32(lower ? Self.lower(bytes[index]) : bytes[index])) &* 16_777_619
        }
        return hash
    }
}
