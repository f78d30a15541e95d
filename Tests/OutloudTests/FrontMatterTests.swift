import Testing
@testable import Outloud
import Yams

/// Splitting notes and reading YAML, with positions that point into the file.
@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterFromBody() throws {
        let split = try FrontMatterSplit.split("---\ntitle: A\n---\nBody\n").get()
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "Body\n")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func noteWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatterSplit.split("# Title\n").get()
        #expect(split.yaml == nil)
        #expect(split.body == "# Title\n")
    }

    @Test func acceptsByteOrderMarkAndCRLF() throws {
        let split = try FrontMatterSplit.split("\u{FEFF}---\r\ntitle: A\r\n---\r\nBody\r\n").get()
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "Body\n")
    }

    @Test func frontMatterThatNeverClosesIsAnErrorAtLineOne() {
        guard case .failure(let failure) = FrontMatterSplit.split("---\ntitle: A\nBody\n") else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.line == 1)
        #expect(failure.message.contains("never closes"))
    }

    @Test func yamlErrorsPointAtTheLineOfTheFile() {
        // The YAML starts on line 2 of the note; the bad line is its second line.
        guard case .failure(let failure) = YAMLReader.parse("title: A\ntags: [a, b\n", lineOffset: 1) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.line == 4)
        #expect(failure.message.hasPrefix("invalid YAML"))
    }

    @Test func scalarsKeepTheirResolvedTypes() throws {
        let value = try YAMLReader.parse("a: 3\nb: \"3\"\nc: true\nd: 2026-11-06\ne: text\nf:\n").get()
        #expect(value["a"]?.kind == .scalar("3", type: .int))
        #expect(value["b"]?.kind == .scalar("3", type: .string))
        #expect(value["c"]?.kind == .scalar("true", type: .bool))
        #expect(value["d"]?.kind == .scalar("2026-11-06", type: .timestamp))
        #expect(value["e"]?.kind == .scalar("text", type: .string))
        #expect(value["f"]?.isNull == true)
        #expect(value["e"]?.line == 5)
    }

    /// `YAMLReader` skips Yams's regular expressions for scalars that can only be text; the
    /// types must still be exactly the ones Yams's default resolver gives.
    @Test func scalarTypesMatchYamsDefaultResolver() throws {
        let scalars = ["yes", "No", "FALSE", "false", "falsey", "Falsehood", "on", "OFF", "~", "null", "NULL", "nullish",
                       "0", "-1", "+12_000", "0x1F", "0o17", "0b101", "190:20:30", "1.5", "-.5", "+1.5e3", ".inf", "-.INF",
                       ".NaN", ".nanny", "2026-11-06", "2026-1-6 10:00:00", "2026-11-06T10:00:00Z", "<<", "=", "-x", "--x",
                       "1st place", "12345678", "Chapter 3", "true story", "\"yes\"", "'12'", "!!str 12", "!!int 12"]
        let yaml = scalars.enumerated().map { "k\($0.offset): \($0.element)" }.joined(separator: "\n")
        let ours = try YAMLReader.parse(yaml).get()
        let theirs = try #require(try Yams.compose(yaml: yaml))
        for index in scalars.indices {
            let node = try #require(theirs["k\(index)"])
            let expected: YAMLValue.Kind = switch node.tag.description {
            case Tag.Name.null.rawValue: .null
            case Tag.Name.bool.rawValue: .scalar(node.string ?? "", type: .bool)
            case Tag.Name.int.rawValue: .scalar(node.string ?? "", type: .int)
            case Tag.Name.float.rawValue: .scalar(node.string ?? "", type: .float)
            case Tag.Name.timestamp.rawValue: .scalar(node.string ?? "", type: .timestamp)
            default: .scalar(node.string ?? "", type: .string)
            }
            #expect(ours["k\(index)"]?.kind == expected, "\(scalars[index])")
        }
    }

    @Test func aliasBombStopsAtTheNodeBudget() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        guard case .failure(let failure) = YAMLReader.parse(yaml) else {
            Issue.record("an alias bomb must not expand")
            return
        }
        #expect(failure.message.contains("more than"))
    }

    @Test func deepNestingIsRefused() {
        let yaml = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        guard case .failure(let failure) = YAMLReader.parse(yaml) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.message.contains("nested"))
    }

    @Test func isoWeeksAndDays() throws {
        #expect(ISOWeek(parsing: "2026-W45")?.friday.description == "2026-11-06")
        #expect(ISOWeek(parsing: "2026-W01")?.monday.description == "2025-12-29")
        #expect(ISOWeek(parsing: "2026-W53")?.description == "2026-W53")  // 2026 has 53 weeks
        #expect(ISOWeek(parsing: "2027-W53") == nil)
        #expect(ISOWeek(parsing: "2026-W54") == nil)
        #expect(ISOWeek(parsing: "-026-W44") == nil)  // found by the fuzzer: a negative year crashed `monday`
        #expect(ISOWeek(parsing: "0000-W01") == nil)
        #expect(ISOWeek(parsing: "+026-W44") == nil)
        #expect(ISOWeek(parsing: "2026-W+4") == nil)
        #expect(Day(parsing: "+026-01-01") == nil)
        #expect(Day(parsing: "2026-02-29") == nil)
        #expect(Day(parsing: "2024-02-29")?.longText == "29 February 2024")
        #expect(Day(parsing: "2026-11-06T10:00:00Z")?.description == "2026-11-06")
        #expect(Day(parsing: "2026-11-06x") == nil)
        let day = try #require(Day(parsing: "2026-11-22"))
        #expect(Day(ordinal: day.ordinal) == day)
        #expect(day.weekday == 7)
    }
}
