/// Data and configuration: JSON, YAML, TOML, INI, SQL and CSS.
extension Languages {
    static let json: Language = {
        var language = Language()
        language.words = NameTable([(.constant, "true false null")])
        language.strings = [doubleQuoted]
        language.stringKeys = true
        language.calls = false
        language.operators = ByteSet()
        return language
    }()

    static let jsonc: Language = {
        var language = json
        language.lineComments = cComments.line
        language.blockComments = cComments.block
        return language
    }()

    static let yaml: Language = {
        var language = Language()
        language.words = NameTable([(.constant, "true false null True False Null TRUE FALSE NULL yes no on off ~")])
        language.lineComments = [Array("#".utf8)]
        language.strings = [Language.StringRule("\"", multiline: true), Language.StringRule("'", "'", escape: nil, multiline: true, doubledQuote: true)]
        language.keySeparator = 0x3A
        language.yaml = true
        language.calls = false
        language.variablePrefixes = ByteSet("&*")
        language.operators = ByteSet("|>")
        language.nameBytes = ByteSet("-./")
        return language
    }()

    static let toml: Language = {
        var language = Language()
        language.words = NameTable([(.constant, "true false inf nan")])
        language.lineComments = [Array("#".utf8)]
        language.strings = [
            Language.StringRule("\"\"\"", multiline: true), Language.StringRule("'''", escape: nil, multiline: true),
            doubleQuoted, Language.StringRule("'", escape: nil),
        ]
        language.keySeparator = 0x3D
        language.sectionLines = true
        language.calls = false
        language.operators = ByteSet("=")
        return language
    }()

    static let ini: Language = {
        var language = Language()
        language.lineComments = [Array("#".utf8), Array(";".utf8)]
        language.keySeparator = 0x3D
        language.valuesAreStrings = true
        language.sectionLines = true
        language.calls = false
        return language
    }()

    static let sql: Language = {
        var language = Language()
        language.words = NameTable(caseInsensitive: true, [
            (.keyword, """
                add all alter and any as asc begin between by cascade case check column commit constraint create cross \
                database default delete desc distinct drop else end except exists foreign from full function grant group \
                having if in index inner insert intersect into is join key left like limit not null offset on or order \
                outer primary procedure references replace returning revoke right rollback schema select set table then \
                to transaction trigger truncate union unique update using values view when where with recursive over \
                partition window lateral materialized conflict do nothing returns language declare return count sum \
                avg min max year month day hour minute second comment
                """),
            (.type, "int integer bigint smallint serial bigserial decimal numeric real float double precision varchar char character text boolean bool date time timestamp timestamptz interval uuid json jsonb bytea blob"),
            (.constant, "true false"),
            (.builtin, "coalesce now lower upper length substring cast row_number rank"),
        ])
        language.lineComments = [Array("--".utf8)]
        language.blockComments = cComments.block
        language.strings = [
            Language.StringRule("'", "'", escape: nil, multiline: true, doubledQuote: true),
            Language.StringRule("\"", "\"", escape: nil, doubledQuote: true),
        ]
        language.operators = ByteSet("+-*/%=<>!|")
        return language
    }()

    static let css: Language = {
        var language = Language()
        language.words = NameTable([(.constant, """
            auto none inherit initial unset block inline inline-block flex grid contents hidden visible solid dashed \
            dotted bold normal italic absolute relative fixed sticky static center left right top bottom transparent \
            currentColor pointer wrap nowrap row column space-between space-around start end both uppercase lowercase \
            ease ease-in ease-out ease-in-out linear infinite alternate forwards cover contain repeat no-repeat \
            border-box content-box sans-serif serif monospace system-ui light dark
            """)])
        language.blockComments = cComments.block
        language.strings = [doubleQuoted, singleQuoted]
        language.nameBytes = ByteSet("-")
        language.annotation = 0x40
        language.stylesheet = true
        language.operators = ByteSet("+>~*=")
        return language
    }()

    static let scss: Language = {
        var language = css
        language.lineComments = cComments.line
        language.variablePrefixes = ByteSet("$")
        return language
    }()
}
