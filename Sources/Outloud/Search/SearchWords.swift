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

    /// Calls `body` with each normalised word of `text` (before stop words and stemming).
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
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
        for scalar in folded.unicodeScalars {
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let wordStart = start {
                body(String(folded[wordStart..<index]))
                start = nil
            }
            index = folded.unicodeScalars.index(after: index)
        }
        if let start { body(String(folded[start...])) }
    }

    /// The ASCII case, byte by byte: most notes are all ASCII.
    private static func forEachASCIIWord(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var word: [UInt8] = []
            word.reserveCapacity(32)
            func flush() {
                if !word.isEmpty {
                    body(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
                default: flush()
                }
            }
            flush()
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
        forEachWord(in: text) { word in
            if let term = term(word) { terms.append(term) }
        }
        return terms
    }
}
