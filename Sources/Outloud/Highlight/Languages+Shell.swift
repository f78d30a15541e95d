/// Shells and the Dockerfile, whose `RUN` lines are shell.
extension Languages {
    private static let shellKeywords = "if then else elif fi case esac for select while until do done in function return break continue"
    private static let shellBuiltins = "echo printf cd pwd read set test eval exec trap alias type command exit local export readonly declare unset shift source time true false"

    static let shell: Language = {
        var language = Language()
        language.words = NameTable([(.keyword, shellKeywords), (.builtin, shellBuiltins)])
        language.lineComments = [Array("#".utf8)]
        language.strings = [
            Language.StringRule("\"", multiline: true, interpolation: ("$(", ")"), variables: true),
            Language.StringRule("'", escape: nil, multiline: true),
            Language.StringRule("`", multiline: true, variables: true),
        ]
        language.variablePrefixes = ByteSet("$")
        language.nameBytes = ByteSet("-./")
        language.heredocs = true
        language.commandSubstitution = true
        language.interpolationClass = .keyword
        language.calls = false
        language.operators = ByteSet("|&;<>=!")
        return language
    }()

    static let dockerfile: Language = {
        var language = shell
        language.argumentLines = NameTable(caseInsensitive: true, [(.keyword, "from maintainer expose workdir user stopsignal")])
        language.lineStartWords = NameTable(caseInsensitive: true, [(.keyword, "from run cmd label maintainer expose env add copy entrypoint volume user workdir arg onbuild stopsignal healthcheck shell as")])
        return language
    }()
}
