import Foundation
import Testing
@testable import Outloud

/// Porter's stemmer against the vectors the JavaScript copy is checked with too.
@Suite struct PorterStemmerTests {
    static let vectors = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures/search/stems.tsv")

    @Test func stemsEveryVector() throws {
        let lines = try String(contentsOf: Self.vectors, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 400)
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "malformed line: \(line)")
            let word = String(fields[0])
            #expect(PorterStemmer.stem(word) == String(fields[1]), "stem of \(word)")
        }
    }

    @Test func shortAndNonLetterWordsAreUnchanged() {
        for word in ["", "a", "is", "as", "ys", "ed", "x1", "don't", "café", "naïve", "co-op", "Meetings", "running2", "ünïcode"] {
            #expect(PorterStemmer.stem(word) == word, "stem of \(word)")
            #expect(PorterStemmer.stem(Array(word.utf8)) == Array(word.utf8), "stem of \(word)")
        }
    }

    @Test func stringAndByteStemsAgree() {
        for word in ["meetings", "generalizations", "happy", "ies", "a", "café", "retrospectives", "hopping"] {
            #expect(PorterStemmer.stem(word) == String(decoding: PorterStemmer.stem(Array(word.utf8)), as: UTF8.self))
        }
    }
}
