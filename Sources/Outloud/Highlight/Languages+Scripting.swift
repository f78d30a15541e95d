/// JavaScript and TypeScript (with JSX), Python, Ruby, PHP and Elixir.
extension Languages {
    private static let jsKeywords = """
        async await break case catch class const constructor continue debugger default delete do else export extends \
        finally for from function if import in instanceof let new of return static super switch this throw try \
        typeof var void while with yield as
        """
    private static let jsBuiltins = "console window document JSON Math Object Array Promise Number String Boolean Symbol Map Set Error require module process"

    static let javascript: Language = {
        var language = Language()
        language.words = NameTable([(.keyword, jsKeywords), (.constant, "true false null undefined NaN Infinity"), (.builtin, jsBuiltins)])
        language.lineComments = cComments.line
        language.blockComments = cComments.block
        language.strings = [doubleQuoted, singleQuoted, Language.StringRule("`", multiline: true, interpolation: ("${", "}"))]
        language.nameBytes = ByteSet("$")
        language.regexLiterals = true
        language.annotation = 0x40
        return language
    }()

    static let jsx: Language = {
        var language = javascript
        language.jsx = true
        return language
    }()

    static let typescript: Language = {
        var language = javascript
        language.words = NameTable([
            (.keyword, jsKeywords + " abstract declare enum implements interface keyof namespace private protected public readonly type infer is satisfies asserts any unknown never string number boolean bigint object symbol"),
            (.constant, "true false null undefined NaN Infinity"), (.builtin, jsBuiltins),
        ])
        language.capitalisedTypes = true
        return language
    }()

    static let tsx: Language = {
        var language = typescript
        language.jsx = true
        return language
    }()

    static let python: Language = {
        var language = Language()
        language.words = NameTable([
            (.keyword, "and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case"),
            (.constant, "True False None"),
            (.builtin, "print len range open str int float bool list dict set tuple type isinstance super enumerate zip map filter sorted sum min max any all repr self cls object Exception ValueError TypeError KeyError"),
        ])
        language.lineComments = [Array("#".utf8)]
        language.strings = [
            Language.StringRule("\"\"\"", multiline: true), Language.StringRule("'''", multiline: true),
            doubleQuoted, singleQuoted,
        ]
        language.stringPrefixes = ByteSet("rRbBfFuU")
        language.formatStrings = true
        language.annotation = 0x40
        language.operators = ByteSet("+-*/%=<>!&|^~")
        return language
    }()

    static let ruby: Language = {
        var language = Language()
        language.words = NameTable([
            (.keyword, "BEGIN END alias and begin break case class def defined? do else elsif end ensure for if in module next not or redo rescue retry return self super then undef unless until when while yield"),
            (.constant, "true false nil"),
            (.builtin, "puts print p pp require require_relative include extend attr_reader attr_writer attr_accessor private protected public raise lambda proc loop"),
        ])
        language.lineComments = [Array("#".utf8)]
        language.strings = [
            Language.StringRule("\"", multiline: true, interpolation: ("#{", "}")), Language.StringRule("'", multiline: true),
            Language.StringRule("`", multiline: true, interpolation: ("#{", "}")),
        ]
        language.nameBytes = ByteSet("?!")
        language.variablePrefixes = ByteSet("@$")
        language.capitalisedTypes = true
        language.symbols = true
        language.heredocs = true
        language.regexLiterals = true
        language.sigil = 0x25
        language.calls = false
        return language
    }()

    static let php: Language = {
        var language = Language()
        language.words = NameTable([
            (.keyword, "abstract and array as break callable case catch class clone const continue declare default do echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile enum extends final finally fn for foreach function global goto if implements include include_once instanceof insteadof interface isset list match namespace new or print private protected public readonly require require_once return static switch throw trait try unset use var while xor yield"),
            (.constant, "true false null TRUE FALSE NULL"),
            (.type, "int float bool string void mixed never iterable object self parent"),
        ])
        language.lineComments = [Array("//".utf8), Array("#".utf8)]
        language.blockComments = cComments.block
        language.strings = [
            Language.StringRule("\"", multiline: true, interpolation: ("{$", "}"), variables: true), Language.StringRule("'", multiline: true),
        ]
        language.variablePrefixes = ByteSet("$")
        language.phpTags = true
        language.heredocs = true
        language.capitalisedTypes = true
        return language
    }()

    static let elixir: Language = {
        var language = Language()
        language.words = NameTable([
            (.keyword, "def defp defmodule defstruct defmacro defmacrop defprotocol defimpl defdelegate defguard defexception do end fn case cond with if unless else when in not and or try catch rescue after raise receive for quote unquote import alias require use"),
            (.constant, "true false nil"),
        ])
        language.lineComments = [Array("#".utf8)]
        language.strings = [
            Language.StringRule("\"\"\"", multiline: true, interpolation: ("#{", "}")), Language.StringRule("'''", multiline: true),
            Language.StringRule("\"", multiline: true, interpolation: ("#{", "}")), Language.StringRule("'", multiline: true),
        ]
        language.nameBytes = ByteSet("?!")
        language.annotation = 0x40
        language.capitalisedTypes = true
        language.symbols = true
        language.sigil = 0x7E
        language.operators = ByteSet("+-*/=<>!&|^~\\")
        return language
    }()
}
