import Foundation
import Testing
@testable import Outloud

/// The highlighter against Pygments, the reference: on a corpus of snippets per language
/// (Tests/Fixtures/highlight/), the coarse class of each character (keyword, string,
/// comment, number or other) must agree on at least 95 % of the non-space characters.
/// Pygments' classes were recorded by scripts/highlight-oracle.py into expected.txt.
@Suite struct HighlightOracleTests {
    /// Outloud's classes as the coarse ones the oracle records (constants such as `true`
    /// and `null` are keywords to Pygments).
    static func coarse(_ kind: TokenClass) -> Character {
        switch kind {
        case .keyword, .constant: "k"
        case .string: "s"
        case .comment: "c"
        case .number: "n"
        default: "o"
        }
    }

    /// One letter per Unicode scalar of `code`, like the oracle's: the class of its first byte.
    static func classes(_ code: String, _ language: Language) -> [Character] {
        var code = code
        let byteKinds: [TokenClass] = code.withUTF8 { bytes in
            var kinds = [TokenClass](repeating: .plain, count: bytes.count)
            for token in Highlighter.tokens(bytes, language) {
                for index in token.start..<token.end { kinds[index] = token.kind }
            }
            return kinds
        }
        var letters: [Character] = []
        var offset = 0
        for scalar in code.unicodeScalars {
            letters.append(scalar.properties.isWhitespace ? "." : coarse(byteKinds[offset]))
            offset += String(scalar).utf8.count
        }
        return letters
    }

    struct Score {
        var agree = 0
        var total = 0
        var percent: Double { total == 0 ? 100 : Double(agree) * 100 / Double(total) }
    }

    static func scores() throws -> [String: Score] {
        let folder = Repository.fixtures.appendingPathComponent("highlight")
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        var scores: [String: Score] = [:]
        var report = ""
        for line in expected.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            let path = String(parts[0])
            let name = String(path.split(separator: "/")[0])
            let language = try #require(Languages.byName[name], "no language named \(name)")
            let code = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            let oracle = Array(parts[1])
            let ours = classes(code, language)
            try #require(oracle.count == ours.count, "\(path): \(oracle.count) recorded characters, \(ours.count) in the file")
            var score = scores[name] ?? Score()
            var marks = ""
            for (index, letter) in oracle.enumerated() where letter != "." {
                score.total += 1
                if letter == ours[index] { score.agree += 1 } else { marks += "\(index):\(letter)\(ours[index]) " }
            }
            scores[name] = score
            report += "\(path) \(marks)\n"
        }
        if let debug = ProcessInfo.processInfo.environment["HIGHLIGHT_ORACLE_REPORT"] {
            try report.write(toFile: debug, atomically: true, encoding: .utf8)
        }
        return scores
    }

    @Test func agreesWithPygmentsOnNineteenOutOfTwentyCharacters() throws {
        let scores = try Self.scores()
        #expect(scores.count >= 27, "every language of the corpus was compared")
        let overall = scores.values.reduce(into: Score()) { $0.agree += $1.agree; $0.total += $1.total }
        let table = scores.keys.sorted().map { "\($0) \(String(format: "%.1f", scores[$0]!.percent))" }.joined(separator: ", ")
        print("highlight agreement: overall \(String(format: "%.1f", overall.percent)) % (\(overall.total) characters); \(table)")
        #expect(overall.percent >= 95, "overall agreement \(overall.percent) %: \(table)")
        for (name, score) in scores {
            // YAML sits lowest by design: its numbers, booleans and block scalars are coloured
            // (as GitHub does), where Pygments leaves them plain.
            #expect(score.percent >= 80, "\(name): \(score.percent) %")
        }
    }
}
