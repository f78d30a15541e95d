/// C, C++, C#, Java, Kotlin, Go, Rust and Swift: braces, `//` comments, typed names.
extension Languages {
    private static let cConstants = "true false NULL nullptr"

    static let c: Language = {
        var language = cLike(keywords: """
            auto break case const continue default do else enum extern for goto if inline register restrict \
            return sizeof static struct switch typedef union volatile while _Alignas _Alignof _Atomic _Bool \
            _Generic _Noreturn _Static_assert _Thread_local char double float int long short signed unsigned void \
            bool size_t ssize_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t
            """, constants: cConstants, builtins: "printf fprintf sprintf snprintf malloc calloc realloc free memcpy memset strlen strcmp exit")
        language.preprocessorLines = true
        language.stringPrefixes = ByteSet("LuU8")
        return language
    }()

    static let cpp: Language = {
        var language = cLike(keywords: """
            alignas alignof and asm auto bool break case catch char char8_t char16_t char32_t class concept const \
            consteval constexpr constinit const_cast continue co_await co_return co_yield decltype default delete do \
            double dynamic_cast else enum explicit export extern float for friend goto if inline int long mutable \
            namespace new noexcept not operator or override final private protected public register \
            reinterpret_cast requires return short signed sizeof static static_assert static_cast struct switch \
            template this thread_local throw try typedef typeid typename union unsigned using virtual void volatile \
            wchar_t while size_t
            """, constants: cConstants, builtins: "std cout cerr endl printf")
        language.preprocessorLines = true
        language.stringPrefixes = ByteSet("LuUR8")
        return language
    }()

    static let csharp: Language = {
        var language = cLike(keywords: """
            abstract as async await base bool break byte case catch char checked class const continue decimal \
            default delegate do double else enum event explicit extern finally fixed float for foreach get goto if \
            implicit in init int interface internal is lock long namespace new object operator out override params \
            partial private protected public readonly record ref return sbyte sealed set short sizeof stackalloc \
            static string struct switch this throw try typeof uint ulong unchecked unsafe ushort using var virtual \
            void volatile when where while yield dynamic nameof value
            """, constants: "true false null", builtins: "Console Math")
        language.preprocessorLines = true
        language.capitalisedTypes = true
        language.strings = [
            Language.StringRule("\"\"\"", multiline: true),
            Language.StringRule("@\"", "\"", escape: nil, multiline: true, doubledQuote: true),
            Language.StringRule("$@\"", "\"", escape: nil, multiline: true, doubledQuote: true, interpolation: ("{", "}")),
            Language.StringRule("$\"", "\"", interpolation: ("{", "}")),
            doubleQuoted,
        ]
        return language
    }()

    static let java: Language = {
        var language = cLike(keywords: """
            abstract assert boolean break byte case catch char class const continue default do double else enum \
            extends final finally float for goto if implements import instanceof int interface long native new \
            package private protected public return short static strictfp super switch synchronized this throw \
            throws transient try void volatile while var record yield sealed permits non-sealed
            """, constants: "true false null", builtins: "System String Object Integer List Map")
        language.annotation = 0x40
        language.capitalisedTypes = true
        language.strings = [Language.StringRule("\"\"\"", multiline: true), doubleQuoted]
        return language
    }()

    static let kotlin: Language = {
        var language = cLike(keywords: """
            as break class continue do else for fun if in interface is object package return super this throw \
            try typealias typeof val var when while by catch constructor delegate dynamic field file finally get \
            import init param property receiver set setparam where actual abstract annotation companion const \
            crossinline data enum expect external final infix inline inner internal lateinit noinline open \
            operator out override private protected public reified sealed suspend tailrec vararg
            """, constants: "true false null", builtins: "println print listOf mapOf setOf mutableListOf mutableMapOf")
        language.annotation = 0x40
        language.capitalisedTypes = true
        language.blockComments = [Language.BlockComment("/*", "*/", nests: true)]
        language.strings = [
            Language.StringRule("\"\"\"", escape: nil, multiline: true, interpolation: ("${", "}"), variables: true),
            Language.StringRule("\"", interpolation: ("${", "}"), variables: true),
        ]
        return language
    }()

    static let go: Language = {
        var language = cLike(keywords: """
            break case chan const continue default defer else fallthrough for func go goto if import interface map \
            package range return select struct switch type var bool byte complex64 complex128 error float32 float64 \
            int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any
            """, constants: "true false nil iota", builtins: "append cap close complex copy delete imag len make new panic print println real recover")
        language.strings = [Language.StringRule("`", escape: nil, multiline: true), doubleQuoted]
        return language
    }()

    static let rust: Language = {
        var language = cLike(keywords: """
            as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod move \
            mut pub ref return self Self static struct super trait type union unsafe use where while yield \
            bool char f32 f64 i8 i16 i32 i64 i128 isize str u8 u16 u32 u64 u128 usize
            """, constants: "true false", builtins: "Some None Ok Err Box Vec String Option Result")
        language.capitalisedTypes = true
        language.hashAttributes = true
        language.stringPrefixes = ByteSet("br")
        language.blockComments = [Language.BlockComment("/*", "*/", nests: true)]
        language.strings = [Language.StringRule("\"", multiline: true)]
        return language
    }()

    static let swift: Language = {
        var language = cLike(keywords: """
            associatedtype class deinit enum extension fileprivate func import init inout internal let open \
            operator private precedencegroup protocol public rethrows static struct subscript typealias var break \
            case catch continue default defer do else fallthrough for guard if in repeat return throw switch where \
            while as Any await async is super self Self throws try some any borrowing consuming actor nonisolated \
            isolated package macro convenience dynamic final indirect lazy mutating nonmutating optional override \
            required unowned weak get set willSet didSet
            """, constants: "true false nil", builtins: "print debugPrint min max abs zip stride")
        language.annotation = 0x40
        language.capitalisedTypes = true
        language.blockComments = [Language.BlockComment("/*", "*/", nests: true)]
        language.strings = [
            Language.StringRule("\"\"\"", multiline: true, interpolation: ("\\(", ")")),
            Language.StringRule("\"", interpolation: ("\\(", ")")),
        ]
        return language
    }()

    /// The shape the C family shares: `//` and `/* */` comments, `"…"` strings, `'c'` characters.
    static func cLike(keywords: String, constants: String, builtins: String) -> Language {
        var language = Language()
        language.words = NameTable([(.keyword, keywords), (.constant, constants), (.builtin, builtins)])
        language.lineComments = cComments.line
        language.blockComments = cComments.block
        language.strings = [doubleQuoted]
        language.characterQuotes = true
        return language
    }
}
