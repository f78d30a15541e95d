import Foundation

/// A number for each word seen, looked up by the word's UTF-8 bytes. Indexing looks a word up
/// for every word of every note; a `String` made for each, and hashed with SipHash by
/// `Dictionary`, cost more than all the rest of indexing.
struct WordTable {
    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
        var value: Int32
    }

    private var entries: [Entry] = []
    /// Open addressing: an index into `entries`, or -1.
    private var slots = [Int32](repeating: -1, count: 1024)
    private var bytes: [UInt8] = []

    var count: Int { entries.count }

    /// The number `word` (with its `hash`) was given, if it was seen before.
    func value(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let slot = self.slot(of: word, hash: hash)
        return slots[slot] >= 0 ? entries[Int(slots[slot])].value : nil
    }

    /// Gives `word`, not seen before, the number `value`.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Int32) {
        let slot = self.slot(of: word, hash: hash)
        precondition(slots[slot] < 0, "a word is inserted once")
        slots[slot] = Int32(entries.count)
        entries.append(Entry(hash: hash, start: bytes.count, length: word.count, value: value))
        bytes.append(contentsOf: word)
        if entries.count * 2 > slots.count { grow() }
    }

    /// The slot that holds `word`, or the empty one where it would go.
    private func slot(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = entries[Int(slots[slot])]
            if entry.hash == hash, entry.length == word.count, equals(entry, word) { return slot }
            slot = (slot + 1) & mask
        }
        return slot
    }

    private func equals(_ entry: Entry, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + entry.start, word.baseAddress!, entry.length) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }

    /// FNV-1a, then a final mix so that the low bits, which pick the slot, depend on every
    /// byte; in steps, for a caller that hashes a word while it reads it.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        finish(word.reduce(initialHash, step))
    }

    static let initialHash: UInt64 = 0xcbf29ce484222325

    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100000001b3 }

    @inline(__always)
    static func finish(_ hash: UInt64) -> UInt64 {
        let mixed = (hash ^ (hash >> 32)) &* 0xd6e8feb86659fd93
        return mixed ^ (mixed >> 32)
    }
}
