import Foundation
@testable import Outloud

/// The differential test's cases, the oracle (Debian's `cmark-gfm`) and the normalisation
/// that sets aside what Outloud does differently by design.
enum GFMOracle {
    static let folder = Repository.fixtures.appendingPathComponent("gfm")
    static let separator = "<<<<<< "

    /// Cases from a file of `<<<<<< name` sections, in file order.
    static func sections(_ text: String) -> [(name: String, text: String)] {
        var result: [(name: String, text: String)] = []
        for part in text.components(separatedBy: "\n" + separator).enumerated() {
            var body = part.element
            if part.offset == 0 {
                guard body.hasPrefix(separator) else { continue }
                body.removeFirst(separator.count)
            }
            let newline = body.firstIndex(of: "\n") ?? body.endIndex
            let name = String(body[..<newline])
            let rest = newline < body.endIndex ? String(body[body.index(after: newline)...]) : ""
            result.append((name, rest))
        }
        return result
    }

    /// The hand-written corpus (each kind of case of every extension, and plain CommonMark
    /// around them) followed by the generated cases.
    static func cases() throws -> [(name: String, text: String)] {
        let corpus = try String(contentsOf: folder.appendingPathComponent("corpus.md"), encoding: .utf8)
        return sections(corpus) + GFMCaseGenerator.cases(count: 120)
    }

    /// `cmark-gfm` on PATH, if installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/cmark-gfm" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The oracle's HTML for `markdown`, with the options the issue names.
    static func oracle(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable!)
        process.arguments = ["--smart", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "footnotes"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Outloud's HTML for `markdown`, through the whole Markdown stage.
    static func outloud(_ markdown: String) -> String {
        MarkdownDocument.render(markdown).html
    }

    /// HTML with the differences by design set aside: the heading ids and self-links Outloud
    /// adds, the task checkboxes' accessible names, and line breaks between tags (cmark
    /// writes custom blocks on lines of their own).
    static func normalised(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #" aria-label="(Completed|Incomplete) task""#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: ##" <a class="heading-link" href="#[^"]*" aria-label="Link to this section">#</a>"##,
                                             with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
        // Column alignment is a class here (HTML5 has no `align`), an attribute in cmark-gfm.
        text = text.replacingOccurrences(of: #" class="align-(left|center|right)""#, with: #" align="$1""#, options: .regularExpression)
        // Code in a known language is highlighted: its token spans wrap cmark's escaped text.
        text = text.replacingOccurrences(of: #"<span class="tok-[a-z]+">([^<]*)</span>"#, with: "$1", options: .regularExpression)
        text = text.replacingOccurrences(of: #">[ \t]*\n\s*<"#, with: "><", options: .regularExpression)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The recorded oracle output, by case name.
    static func recorded() throws -> [String: String] {
        let text = try String(contentsOf: folder.appendingPathComponent("expected.html"), encoding: .utf8)
        return Dictionary(sections(text).map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    /// Writes the oracle's output for every case to `expected.html`.
    static func record(_ cases: [(name: String, text: String)]) throws {
        var text = ""
        for item in cases { text += separator + item.name + "\n" + (try oracle(item.text)) }
        try Data(text.utf8).write(to: folder.appendingPathComponent("expected.html"))
    }
}

/// Deterministic snippets that combine cells, pipes, tildes, URLs and footnotes in ways
/// nobody would write by hand.
enum GFMCaseGenerator {
    /// A small linear congruential generator: the same cases on every machine and run.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick(_ items: [String]) -> String { items[next(items.count)] }
    }

    static let words = ["alpha", "beta", "*em*", "**strong**", "`co|de`", "`x`", "a \\| b", "~~gone~~", "~one~", "~~~three~~~",
                        "www.example.com", "https://example.org/a_(b)", "http://example.org.", "mail@example.org", "x[^1]",
                        "[link](https://example.org)", "it's", "\"q\"", "a~~b", "(www.example.com/p)", "ftp://f.example.org,"]
    static let delimiters = ["---", ":--", "--:", ":-:"]

    static func cases(count: Int) -> [(name: String, text: String)] {
        var random = Random(state: 17)
        return (0..<count).map { index in
            var lines: [String] = []
            switch index % 4 {
            case 0:
                let columns = 1 + random.next(4)
                if random.next(2) == 0 { lines.append("Lead \(random.pick(words))") }
                lines.append("| " + (0..<columns).map { _ in random.pick(words) }.joined(separator: " | ") + " |")
                lines.append("|" + (0..<columns).map { _ in random.pick(delimiters) }.joined(separator: "|") + "|")
                for _ in 0..<random.next(4) {
                    let cells = random.next(columns + 2)
                    lines.append("| " + (0..<cells).map { _ in random.pick(words) }.joined(separator: " | ") + " |")
                }
            case 1:
                lines.append((0..<(3 + random.next(6))).map { _ in random.pick(words) }.joined(separator: random.pick([" ", "", " ~", "~ "])))
            case 2:
                lines.append("- [\(random.pick([" ", "x", "X", "y"]))] " + random.pick(words))
                lines.append("- " + random.pick(words) + "[^\(random.next(3))]")
            default:
                lines.append((0..<(2 + random.next(4))).map { _ in random.pick(words) + "[^\(random.next(3))]" }.joined(separator: " "))
                lines.append("")
                for label in 0..<random.next(3) { lines.append("[^\(label)]: " + random.pick(words)) }
            }
            return ("generated-\(index)", lines.joined(separator: "\n") + "\n")
        }
    }
}
