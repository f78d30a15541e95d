import Foundation
import Testing
@testable import Outloud

/// The highlighter: a typical snippet per language as exact HTML, fence info strings, the
/// Markdown stage's use of it, and properties that hold for every language.
@Suite struct HighlightTests {
    static let snippets: [(String, String, String)] = [
            ("sh", "echo \"hi $USER\" # greet", #"<span class="tok-builtin">echo</span> <span class="tok-string">&quot;hi </span><span class="tok-variable">$USER</span><span class="tok-string">&quot;</span> <span class="tok-comment"># greet</span>"#),
            ("console", "$ ls -la\ntotal 0", #"<span class="tok-meta">$ </span>ls -la\#ntotal 0"#),
            ("json", "{\"a\": [1, true, null]}", #"{<span class="tok-attribute">&quot;a&quot;</span>: [<span class="tok-number">1</span>, <span class="tok-constant">true</span>, <span class="tok-constant">null</span>]}"#),
            ("yaml", "key: 42 # n\nlist:\n  - \'x\'", #"<span class="tok-attribute">key</span><span class="tok-operator">:</span> <span class="tok-number">42</span> <span class="tok-comment"># n</span>\#n<span class="tok-attribute">list</span><span class="tok-operator">:</span>\#n  <span class="tok-operator">-</span> <span class="tok-string">'x'</span>"#),
            ("js", "const x = `a${b}` // c", #"<span class="tok-keyword">const</span> x <span class="tok-operator">=</span> <span class="tok-string">`a${</span>b<span class="tok-string">}`</span> <span class="tok-comment">// c</span>"#),
            ("ts", "let n: Note = new Note(1)", #"<span class="tok-keyword">let</span> n: <span class="tok-type">Note</span> <span class="tok-operator">=</span> <span class="tok-keyword">new</span> <span class="tok-function">Note</span>(<span class="tok-number">1</span>)"#),
            ("jsx", "<a href=\"x\">{n}</a>", #"&lt;<span class="tok-tag">a</span> <span class="tok-attribute">href</span><span class="tok-operator">=</span><span class="tok-string">&quot;x&quot;</span>&gt;{n}&lt;/<span class="tok-tag">a</span>&gt;"#),
            ("python", "def f(x): return f\"{x}\"  # ok", #"<span class="tok-keyword">def</span> <span class="tok-function">f</span>(x): <span class="tok-keyword">return</span> <span class="tok-string">f&quot;{</span>x<span class="tok-string">}&quot;</span>  <span class="tok-comment"># ok</span>"#),
            ("ruby", "def hi = puts :sym, @name", #"<span class="tok-keyword">def</span> hi <span class="tok-operator">=</span> <span class="tok-builtin">puts</span> <span class="tok-string">:sym</span>, <span class="tok-variable">@name</span>"#),
            ("go", "func main() { fmt.Println(\"x\", 0x1F) }", #"<span class="tok-keyword">func</span> <span class="tok-function">main</span>() { fmt.<span class="tok-function">Println</span>(<span class="tok-string">&quot;x&quot;</span>, <span class="tok-number">0x1F</span>) }"#),
            ("swift", "let s = \"a \\(b)\" // c", #"<span class="tok-keyword">let</span> s <span class="tok-operator">=</span> <span class="tok-string">&quot;a \(</span>b<span class="tok-string">)&quot;</span> <span class="tok-comment">// c</span>"#),
            ("rust", "fn main() { let c = \'x\'; }", #"<span class="tok-keyword">fn</span> <span class="tok-function">main</span>() { <span class="tok-keyword">let</span> c <span class="tok-operator">=</span> <span class="tok-string">'x'</span>; }"#),
            ("java", "@Override public int size() { return 0; }", #"<span class="tok-meta">@Override</span> <span class="tok-keyword">public</span> <span class="tok-keyword">int</span> <span class="tok-function">size</span>() { <span class="tok-keyword">return</span> <span class="tok-number">0</span>; }"#),
            ("kotlin", "val s = \"$name!\"", #"<span class="tok-keyword">val</span> s <span class="tok-operator">=</span> <span class="tok-string">&quot;</span><span class="tok-variable">$name</span><span class="tok-string">!&quot;</span>"#),
            ("c", "#include <stdio.h>\nint x = 1; /* c */", #"<span class="tok-meta">#include &lt;stdio.h&gt;</span>\#n<span class="tok-keyword">int</span> x <span class="tok-operator">=</span> <span class="tok-number">1</span>; <span class="tok-comment">/* c */</span>"#),
            ("cpp", "std::string s = \"x\";", #"<span class="tok-builtin">std</span>::string s <span class="tok-operator">=</span> <span class="tok-string">&quot;x&quot;</span>;"#),
            ("csharp", "var s = @\"C:\\x\";", #"<span class="tok-keyword">var</span> s <span class="tok-operator">=</span> <span class="tok-string">@&quot;C:\x&quot;</span>;"#),
            ("sql", "SELECT * FROM t WHERE a = \'it\'\'s\'; -- c", #"<span class="tok-keyword">SELECT</span> <span class="tok-operator">*</span> <span class="tok-keyword">FROM</span> t <span class="tok-keyword">WHERE</span> a <span class="tok-operator">=</span> <span class="tok-string">'it''s'</span>; <span class="tok-comment">-- c</span>"#),
            ("html", "<p class=\"x\">a &amp; b</p>", #"&lt;<span class="tok-tag">p</span> <span class="tok-attribute">class</span><span class="tok-operator">=</span><span class="tok-string">&quot;x&quot;</span>&gt;a <span class="tok-constant">&amp;amp;</span> b&lt;/<span class="tok-tag">p</span>&gt;"#),
            ("xml", "<?xml version=\"1.0\"?><a/>", #"<span class="tok-meta">&lt;?xml version=&quot;1.0&quot;?&gt;</span>&lt;<span class="tok-tag">a</span>/&gt;"#),
            ("css", ".a { color: #fff; margin: 0 4px; }", #".<span class="tok-type">a</span> { <span class="tok-keyword">color</span>: <span class="tok-number">#fff</span>; <span class="tok-keyword">margin</span>: <span class="tok-number">0</span> <span class="tok-number">4</span><span class="tok-keyword">px</span>; }"#),
            ("diff", "@@ -1 +1 @@\n-old\n+new", #"<span class="tok-meta">@@ -1 +1 @@</span>\#n<span class="tok-deleted">-old</span>\#n<span class="tok-inserted">+new</span>"#),
            ("dockerfile", "FROM swift:6.3 AS build\nRUN swift build", #"<span class="tok-keyword">FROM</span> <span class="tok-string">swift:6.3</span> <span class="tok-keyword">AS</span> <span class="tok-string">build</span>\#n<span class="tok-keyword">RUN</span> swift build"#),
            ("toml", "[build]\ncommand = \"make\"", #"<span class="tok-keyword">[build]</span>\#n<span class="tok-attribute">command</span> <span class="tok-operator">=</span> <span class="tok-string">&quot;make&quot;</span>"#),
            ("ini", "[core]\nbare = false", #"<span class="tok-keyword">[core]</span>\#n<span class="tok-attribute">bare</span> <span class="tok-operator">=</span> <span class="tok-string">false</span>"#),
            ("elixir", "def hi(name), do: IO.puts(\"hi #{name}\")", #"<span class="tok-keyword">def</span> <span class="tok-function">hi</span>(name), <span class="tok-string">do</span>: IO.<span class="tok-function">puts</span>(<span class="tok-string">&quot;hi #{</span>name<span class="tok-string">}&quot;</span>)"#),
            ("php", "<?php echo $x . \'y\';", #"<span class="tok-meta">&lt;?php</span> <span class="tok-keyword">echo</span> <span class="tok-variable">$x</span> . <span class="tok-string">'y'</span>;"#),
            ("markdown", "# Title\n- item `code`", #"<span class="tok-heading"># Title</span>\#n<span class="tok-keyword">-</span> item <span class="tok-string">`code`</span>"#),
    ]

    @Test(arguments: snippets) func aTypicalSnippet(_ language: String, _ code: String, _ html: String) {
        #expect(Highlighter.html(code, language: language) == html)
    }

    @Test func infoStrings() {
        func word(_ info: String) -> String? { Highlighter.language(forInfo: info)?.word }
        #expect(word("swift") == "swift")
        #expect(word("  Python") == "python")
        #expect(word("js title=\"app.js\"") == "js")
        #expect(word("{.python}") == "python")
        #expect(word("{.python .numberLines}") == "python")
        #expect(word("ts{1,3}") == "ts")
        #expect(word("C#") == "c#")
        #expect(word("c++") == "c++")
        #expect(word("shell-session") == "shell-session")
        #expect(word("brainfuck") == nil)
        #expect(word("") == nil)
        #expect(word("golang") == "golang")
        #expect(Highlighter.html("func", language: "golang") == #"<span class="tok-keyword">func</span>"#)
    }

    @Test func everyAliasOfTheBriefIsKnown() {
        let names = """
            sh bash shell zsh console shell-session js javascript jsx mjs ts typescript tsx py python python3 rb ruby \
            yml yaml golang go kt kotlin c h cpp c++ cc hpp cs csharp c# html xml svg md markdown dockerfile docker \
            toml ini cfg ex exs elixir rs rust sql mysql postgresql diff patch json jsonc css scss php java swift
            """
        for name in names.split(separator: " ") { #expect(Languages.byName[String(name)] != nil, "\(name)") }
    }

    @Test func aFenceWithAKnownLanguageIsHighlightedInTheNote() {
        let html = MarkdownDocument.render("```swift\nlet x = 1\n```\n").html
        #expect(html == #"<pre><code class="language-swift"><span class="tok-keyword">let</span> x <span class="tok-operator">=</span> <span class="tok-number">1</span>\#n</code></pre>\#n"#)
        #expect(MarkdownDocument.render("~~~ {.python}\npass\n~~~\n").html == #"<pre><code class="language-python"><span class="tok-keyword">pass</span>\#n</code></pre>\#n"#)
    }

    @Test func unknownOrNoLanguageStaysAsCmarkWritesIt() {
        #expect(MarkdownDocument.render("```brainfuck\n+[<>]\n```\n").html == "<pre><code class=\"language-brainfuck\">+[&lt;&gt;]\n</code></pre>\n")
        #expect(MarkdownDocument.render("```\nlet x = 1\n```\n").html == "<pre><code>let x = 1\n</code></pre>\n")
        #expect(MarkdownDocument.render("    let x = 1\n").html == "<pre><code>let x = 1\n</code></pre>\n")
    }

    @Test func codeInANoteIsEscapedAndCountedAsBefore() {
        let source = "Intro words here.\n\n```html\n<script>alert(\"&\")</script>\n```\n"
        let rendered = MarkdownDocument.render(source)
        #expect(!rendered.html.contains("<script>"))
        #expect(rendered.html.contains("&lt;<span class=\"tok-tag\">script</span>&gt;"))
        #expect(rendered.wordCount == 4)
        #expect(rendered.text == "Intro words here.\n<script>alert(\"&\")</script>")
    }

    /// Every snippet of the corpus in its language: removing the spans gives exactly the
    /// escaped text cmark writes, and a second run gives the same bytes.
    @Test func spansOnlyWrapTheEscapedTextAndAreDeterministic() throws {
        let folder = Repository.fixtures.appendingPathComponent("highlight")
        var checked = 0
        for language in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(language).path)) ?? []
            for file in files.sorted() {
                let code = try String(contentsOf: folder.appendingPathComponent(language + "/" + file), encoding: .utf8)
                let html = try #require(Highlighter.html(code, language: language))
                #expect(Highlighter.html(code, language: language) == html, "\(language)/\(file)")
                let stripped = html.replacingOccurrences(of: #"<span class="tok-[a-z]+">"#, with: "", options: .regularExpression)
                    .replacingOccurrences(of: "</span>", with: "")
                let escaped = code.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                #expect(stripped == escaped, "\(language)/\(file)")
                #expect(!html.contains("<span class=\"tok-plain\">"))
                checked += 1
            }
        }
        #expect(checked >= 30)
    }
}

/// Inputs made to defeat a scanner that backtracks or looks ahead without limit, in every
/// language: each must take time in proportion to its length.
@Suite(.timeLimit(.minutes(2))) struct HighlightLinearityTests {
    static let patterns = [
        "\"", "'", "`", "/*", "<!--", "\"\"\"", "<<EOF\n", "${", "\"${", "\\(", "#{", "$(", "/ ", "`` ", "<a ", "{", "<", "[",
        "- ", "'a", "#", "&", "@", "%w[", "~r/", "{$", "---\n", ": |\n", "<script>", "```js\n", "+\n", "a: b\n", "\n",
    ]

    @Test func everyLanguageOnEveryPattern() {
        let repeats = 3_000
        let clock = ContinuousClock()
        var slowest: (Duration, String) = (.zero, "")
        for (names, language) in Languages.all {
            for pattern in Self.patterns {
                var code = String(repeating: pattern, count: repeats)
                let start = clock.now
                let tokens = code.withUTF8 { Highlighter.tokens($0, language) }
                let elapsed = clock.now - start
                if elapsed > slowest.0 { slowest = (elapsed, "\(names): \(pattern.debugDescription)") }
                #expect(tokens.allSatisfy { $0.start < $0.end }, "\(names): \(pattern.debugDescription)")
                #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.end <= $1.start }, "\(names): \(pattern.debugDescription)")
            }
        }
        // Quadratic work on 3,000 repeats takes seconds in a debug build; linear work
        // takes milliseconds (tens of them in a debug build).
        #expect(slowest.0 < .milliseconds(500), "slowest: \(slowest.1) took \(slowest.0)")
    }
}
