/// Porter's English stemmer (1980), as in his reference implementation; the search client's
/// JavaScript copy (themes/default/assets/search.js) runs the same steps.
///
/// The reference (tartarus.org/martin/PorterStemmer) departs from the paper in three ways, and
/// so does this: step 2 maps -bli to -ble (not -abli to -able) and -logi to -log; words of one or
/// two letters are left alone; and steps 1c to 5 are skipped once step 1 leaves one letter.
/// (NLTK's `ORIGINAL_ALGORITHM` mode follows the paper instead; its `MARTIN_EXTENSIONS` is this.)
enum PorterStemmer {
    /// The stem of a lowercase word given as bytes; words of one or two letters, and words with
    /// any byte outside a–z, are returned unchanged.
    static func stem(_ word: [UInt8]) -> [UInt8] {
        guard word.count > 2, word.allSatisfy({ $0 &- UInt8(ascii: "a") < 26 }) else { return word }
        var result = word
        let length = result.withUnsafeMutableBufferPointer { buffer in
            var w = Word(b: buffer.baseAddress!, k: buffer.count - 1)
            w.step1a()
            w.step1b()
            if w.k > 0 {
                w.step1c()
                w.step2()
                w.step3()
                w.step4()
                w.step5()
            }
            return w.k + 1
        }
        result.removeLast(result.count - length)
        return result
    }

    /// The stem of a lowercase word, as `stem(_:)` on its UTF-8.
    static func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }
}

/// A word being stemmed, in Porter's terms: the letters are `b[0...k]`, and after `ends(_:)`
/// matches, the suffix is `b[j+1...k]`.
private struct Word {
    let b: UnsafeMutablePointer<UInt8>
    var k: Int
    var j = 0

    func letter(_ i: Int) -> Unicode.Scalar { Unicode.Scalar(b[i]) }

    /// Whether `b[i]` is a consonant: not a, e, i, o, u, nor a y after a consonant.
    func isConsonant(_ i: Int) -> Bool {
        switch letter(i) {
        case "a", "e", "i", "o", "u": false
        case "y": i == 0 || !isConsonant(i - 1)
        default: true
        }
    }

    /// Porter's m: how many vowel–consonant sequences `b[0...j]` has, seen as [C](VC)^m[V].
    func measure() -> Int {
        var n = 0
        var i = 0
        while i <= j && isConsonant(i) { i += 1 }
        while true {
            while i <= j && !isConsonant(i) { i += 1 }
            if i > j { return n }
            n += 1
            while i <= j && isConsonant(i) { i += 1 }
            if i > j { return n }
        }
    }

    /// Whether `b[0...j]` has a vowel.
    func vowelInStem() -> Bool {
        var i = 0
        while i <= j {
            if !isConsonant(i) { return true }
            i += 1
        }
        return false
    }

    /// Whether `b[i-1...i]` is a double consonant.
    func doubleConsonant(_ i: Int) -> Bool {
        i >= 1 && b[i] == b[i - 1] && isConsonant(i)
    }

    /// Whether `b[i-2...i]` is consonant–vowel–consonant with the last not w, x or y (*o).
    func cvc(_ i: Int) -> Bool {
        guard i >= 2, isConsonant(i), !isConsonant(i - 1), isConsonant(i - 2) else { return false }
        let last = letter(i)
        return last != "w" && last != "x" && last != "y"
    }

    /// Whether `b[0...k]` ends with `suffix`; if so, `j` marks the letter before it.
    mutating func ends(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        let s = suffix.utf8Start
        guard length <= k + 1, s[length - 1] == b[k] else { return false }
        let start = k + 1 - length
        for n in 0..<length - 1 where b[start + n] != s[n] { return false }
        j = k - length
        return true
    }

    /// Replaces `b[j+1...k]` with `replacement`.
    mutating func setTo(_ replacement: StaticString) {
        let length = replacement.utf8CodeUnitCount
        (b + j + 1).update(from: replacement.utf8Start, count: length)
        k = j + length
    }

    /// Porter's r: `setTo(_:)` when the stem before the suffix has m > 0.
    mutating func replace(with replacement: StaticString) {
        if measure() > 0 { setTo(replacement) }
    }

    /// Plurals: -sses → -ss, -ies → -i, -ss stays, -s goes.
    mutating func step1a() {
        guard letter(k) == "s" else { return }
        if ends("sses") {
            k -= 2
        } else if ends("ies") {
            setTo("i")
        } else if letter(k - 1) != "s" {
            k -= 1
        }
    }

    /// -eed → -ee when m > 0; -ed and -ing go after a vowel, then -at, -bl, -iz gain an e, a
    /// double consonant other than l, s, z is halved, and a short *o stem gains an e.
    mutating func step1b() {
        if ends("eed") {
            if measure() > 0 { k -= 1 }
        } else if (ends("ed") || ends("ing")) && vowelInStem() {
            k = j
            if ends("at") {
                setTo("ate")
            } else if ends("bl") {
                setTo("ble")
            } else if ends("iz") {
                setTo("ize")
            } else if doubleConsonant(k) {
                let last = letter(k)
                if last != "l" && last != "s" && last != "z" { k -= 1 }
            } else if measure() == 1 && cvc(k) {
                setTo("e")
            }
        }
    }

    /// A final y becomes i when the stem has a vowel.
    mutating func step1c() {
        if ends("y") && vowelInStem() { setTo("i") }
    }

    /// Double suffixes become single ones (-ization → -ize) when m > 0.
    mutating func step2() {
        switch letter(k - 1) {
        case "a":
            if ends("ational") { replace(with: "ate") }
            else if ends("tional") { replace(with: "tion") }
        case "c":
            if ends("enci") { replace(with: "ence") }
            else if ends("anci") { replace(with: "ance") }
        case "e":
            if ends("izer") { replace(with: "ize") }
        case "g":
            if ends("logi") { replace(with: "log") }
        case "l":
            if ends("bli") { replace(with: "ble") }
            else if ends("alli") { replace(with: "al") }
            else if ends("entli") { replace(with: "ent") }
            else if ends("eli") { replace(with: "e") }
            else if ends("ousli") { replace(with: "ous") }
        case "o":
            if ends("ization") { replace(with: "ize") }
            else if ends("ation") { replace(with: "ate") }
            else if ends("ator") { replace(with: "ate") }
        case "s":
            if ends("alism") { replace(with: "al") }
            else if ends("iveness") { replace(with: "ive") }
            else if ends("fulness") { replace(with: "ful") }
            else if ends("ousness") { replace(with: "ous") }
        case "t":
            if ends("aliti") { replace(with: "al") }
            else if ends("iviti") { replace(with: "ive") }
            else if ends("biliti") { replace(with: "ble") }
        default:
            break
        }
    }

    /// -icate, -ative, -alize, -iciti, -ical, -ful, -ness shorten when m > 0.
    mutating func step3() {
        switch letter(k) {
        case "e":
            if ends("icate") { replace(with: "ic") }
            else if ends("ative") { replace(with: "") }
            else if ends("alize") { replace(with: "al") }
        case "i":
            if ends("iciti") { replace(with: "ic") }
        case "l":
            if ends("ical") { replace(with: "ic") }
            else if ends("ful") { replace(with: "") }
        case "s":
            if ends("ness") { replace(with: "") }
        default:
            break
        }
    }

    /// -al, -ance, -ence, -er, -ic, -able, -ible, -ant, -ement, -ment, -ent, -sion/-tion, -ou,
    /// -ism, -ate, -iti, -ous, -ive, -ize go when m > 1.
    mutating func step4() {
        let found = switch letter(k - 1) {
        case "a": ends("al")
        case "c": ends("ance") || ends("ence")
        case "e": ends("er")
        case "i": ends("ic")
        case "l": ends("able") || ends("ible")
        case "n": ends("ant") || ends("ement") || ends("ment") || ends("ent")
        case "o": ends("ion") && j >= 0 && (letter(j) == "s" || letter(j) == "t") || ends("ou")
        case "s": ends("ism")
        case "t": ends("ate") || ends("iti")
        case "u": ends("ous")
        case "v": ends("ive")
        case "z": ends("ize")
        default: false
        }
        if found && measure() > 1 { k = j }
    }

    /// 5a: a final e goes when m > 1, or m = 1 and the stem is not *o. 5b: -ll → -l when m > 1.
    mutating func step5() {
        j = k
        if letter(k) == "e" {
            let m = measure()
            if m > 1 || m == 1 && !cvc(k - 1) { k -= 1 }
        }
        if letter(k) == "l" && doubleConsonant(k) && measure() > 1 { k -= 1 }
    }
}
