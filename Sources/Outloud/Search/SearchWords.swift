/// How text becomes search terms, on the build's side; `themes/default/assets/search.js` runs
/// the same steps on what a reader types, so both sides agree on every term:
///
/// 1. compatibility decomposition, combining marks (U+0300–U+036F) dropped, lower case
///    (`Café` → `cafe`);
/// 2. words are runs of letters and digits (Unicode categories L and N);
/// 3. words of one character or more than `maxLength`, and the stop words, are left out;
/// 4. words of a–z only are stemmed with Porter's algorithm (`meetings` → `meet`).
enum SearchWords {
    static let maxLength = 40

    /// Too common to tell notes apart; the manifest hands this list to the client.
    static let stopWords: [String] = [
        "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have",
        "he", "her", "his", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our",
        "she", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "to", "was", "we", "were", "which", "who", "will", "with", "you", "your",
    ]
    private static let stopSet = Set(stopWords)

    /// Calls `body` with the UTF-8 of each normalised word of `text` (before stop words and
    /// stemming) and its `WordTable.hash`; the bytes are valid only during the call.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        var text = text
        if text.withUTF8(isASCIIWithPunctuation) {
            forEachASCIIWord(in: text, body)
            return
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            scalars.append(scalar)
        }
        let folded = String(scalars).lowercased()
        var start: String.Index?
        var index = folded.startIndex
        func emit(_ word: Substring) {
            var word = String(word)
            word.withUTF8 { body($0, WordTable.hash($0)) }
        }
        for scalar in folded.unicodeScalars {
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let wordStart = start {
                emit(folded[wordStart..<index])
                start = nil
            }
            index = folded.unicodeScalars.index(after: index)
        }
        if let start { emit(folded[start...]) }
    }

    /// True when every byte is ASCII or part of a no-break space (U+00A0) or of a character of
    /// General Punctuation (U+2000–U+206F: dashes, curly quotes, the ellipsis), which
    /// smart punctuation puts in most notes: none of them is a letter or a digit, so the
    /// byte-by-byte path can take them as spaces.
    private static func isASCIIWithPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
            } else if let length = punctuationLength(bytes, at: index) {
                index += length
            } else {
                return false
            }
        }
        return true
    }

    /// The length of the no-break space or General Punctuation character at `index`, if one
    /// starts there.
    @inline(__always)
    private static func punctuationLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        guard byte == 0xE2, index + 2 < bytes.count else { return nil }
        // U+2000–U+207F is E2 80 80 … E2 81 BF; U+2070 and up are superscripts (letters and digits).
        let second = bytes[index + 1], third = bytes[index + 2]
        return second == 0x80 || (second == 0x81 && third < 0xB0) ? 3 : nil
    }

    /// The ASCII case (with the punctuation above), byte by byte, hashing as it goes, with no
    /// string made per word: most notes take it.
    private static func forEachASCIIWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { word in
                var length = 0
                var hash = WordTable.initialHash
                // Bytes of punctuation characters (0x80 and up here) are all separators.
                for var byte in bytes {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        break
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                        byte |= 0x20
                    default:
                        if length > 0 { body(UnsafeBufferPointer(rebasing: word[..<length]), WordTable.finish(hash)) }
                        length = 0
                        hash = WordTable.initialHash
                        continue
                    }
                    word[length] = byte
                    length += 1
                    hash = WordTable.step(hash, byte)
                }
                if length > 0 { body(UnsafeBufferPointer(rebasing: word[..<length]), WordTable.finish(hash)) }
            }
        }
    }

    /// Letters and digits: Unicode's L and N categories, as `\p{L}\p{N}` in the client.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// The term a normalised word is indexed under, or nil for a word that is not indexed.
    static func term(_ word: String) -> String? {
        let length = word.unicodeScalars.count
        guard length > 1, length <= maxLength, !stopSet.contains(word) else { return nil }
        if word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) {
            return PorterStemmer.stem(word)
        }
        return word
    }

    /// Every term of `text`, in order.
    static func terms(of text: String) -> [String] {
        var terms: [String] = []
        forEachWord(in: text) { word, _ in
            if let term = term(String(decoding: word, as: UTF8.self)) { terms.append(term) }
        }
        return terms
    }
}
