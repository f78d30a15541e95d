import Foundation

/// How long a note takes to read, at 200 words a minute.
struct ReadingTime: Comparable, CustomStringConvertible {
    let words: Int
    static let wordsPerMinute = 200

    var minutes: Int { max(1, (words + Self.wordsPerMinute - 1) / Self.wordsPerMinute) }
    var description: String { "\(minutes) min read" }

    static func < (lhs: ReadingTime, rhs: ReadingTime) -> Bool { lhs.words < rhs.words }
}

enum NoteError: Error {
    case missingTitle(path: String)
}

func readingTimes(of notes: [String: String]) throws -> [String: ReadingTime] {
    var result: [String: ReadingTime] = [:]
    for (path, text) in notes where !text.isEmpty {
        guard text.hasPrefix("#") else { throw NoteError.missingTitle(path: path) }
        let words = text.split(whereSeparator: \.isWhitespace).count
        result[path] = ReadingTime(words: words)
    }
    return result
}

let sample = ["drive.md": "# Drive\nAutonomy, mastery, purpose."]
if let time = try? readingTimes(of: sample)["drive.md"] {
    print("Drive: \(time)", 0.5, 0xFF, true)
}
