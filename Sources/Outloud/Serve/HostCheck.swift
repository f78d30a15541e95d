import Foundation

/// Which `Host` headers `outloud serve` answers. A page on another site can point a name it
/// controls at 127.0.0.1 (DNS rebinding) and then read the preview, drafts included, as if it
/// were its own; the browser still sends that name as `Host`. So only the names the server was
/// started for are answered: `localhost`, the loopback addresses, the `--host` it listens on and
/// the names given with `--allow-host`; listening on every address (`0.0.0.0`, `::`), any IP
/// address too, as no rebinding can hide behind one.
public struct HostCheck: Sendable {
    /// A host as a request or the command line names it: an IP address by its bytes, so that
    /// every spelling of one address is equal, or a name in lower case without a trailing dot.
    public enum Host: Hashable, Sendable {
        case ipv4([UInt8])
        case ipv6([UInt8])
        case name(String)
    }

    private let bound: Host?
    private let allowed: Set<Host>

    /// `host` is what the server listens on (`--host`); `names` are the `--allow-host` values,
    /// each checked beforehand with `host(named:)`.
    public init(boundTo host: String, allowing names: [String]) {
        bound = Self.host(named: host)
        allowed = Set(names.compactMap(Self.host(named:)))
    }

    /// Whether a request whose `Host` header is `header` (nil when it has none) is answered.
    func allows(_ header: String?) -> Bool {
        guard let header, let host = Self.host(inHeader: header) else { return false }
        if host == bound || allowed.contains(host) { return true }
        switch host {
        case .ipv4(let bytes):
            return bytes[0] == 127 || listensEverywhere
        case .ipv6(let bytes):
            return bytes == Self.ipv6Loopback || Self.isMappedLoopback(bytes) || listensEverywhere
        case .name(let name):
            return name == "localhost"
        }
    }

    /// Why a request is not answered, as its status and a plain-text message; nil when it is.
    public struct Refusal: Equatable, Sendable {
        /// 400 for a request HTTP itself calls malformed (two `Host` headers, one that names no
        /// host: RFC 9112 §3.2), 403 for a host that is not allowed or a missing `Host`.
        public var status: Int
        public var message: String
    }

    /// The refusal for a request carrying these `Host` headers (in the order sent), or nil
    /// when it is answered.
    public func refusal(hostHeaders headers: [String]) -> Refusal? {
        let why = """
            outloud serve answers only for localhost, the loopback addresses, the --host it listens \
            on and the names given with --allow-host, so that a page on another site cannot read \
            the preview by pointing its own name at this machine (DNS rebinding).
            """
        guard let header = headers.first else { return Refusal(status: 403, message: "This request has no Host header, so it is refused: \(why)\n") }
        guard headers.count == 1 else { return Refusal(status: 400, message: "This request has more than one Host header.\n") }
        guard let host = Self.host(inHeader: header) else {
            return Refusal(status: 400, message: "The Host header \"\(String(header.prefix(200)).debugEscaped)\" does not name a host.\n")
        }
        guard !allows(header) else { return nil }
        let name: String
        switch host {
        case .name(let text): name = text
        case .ipv4, .ipv6: name = Self.hostPart(of: header) ?? header
        }
        return Refusal(status: 403, message: """
            The host "\(name.debugEscaped)" is refused: \(why)
            To reach the preview by this name, start it again with --allow-host \(name.debugEscaped)

            """)
    }

    /// The host named on the command line (`--host`, `--allow-host`): a name or an address
    /// alone (an IPv6 address with or without brackets); nil for anything else, such as a URL,
    /// a name with a port, or a pattern (`*.example.com`, `.example.com`: names are exact).
    public static func host(named text: String) -> Host? {
        if text.hasPrefix("[") { return text.hasSuffix("]") ? host(inHeader: text) : nil }
        if let bytes = address(text, family: AF_INET6, size: 16) { return .ipv6(bytes) }
        guard !text.contains(":"), !text.hasPrefix(".") else { return nil }
        return host(inHeader: text)
    }

    /// The host of a `Host` header (`name`, `name:port`, `1.2.3.4:port`, `[::1]:port`); the
    /// port is not compared. Nil when it is not one: empty, an unclosed bracket, a port that is
    /// not digits, a space, a slash, a backslash, `@` or `*`.
    static func host(inHeader header: String) -> Host? {
        guard let part = hostPart(of: header) else { return nil }
        if header.hasPrefix("[") { return address(part, family: AF_INET6, size: 16).map(Host.ipv6) }
        var name = part.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty, !name.contains(where: { "/\\@*".contains($0) || $0.isWhitespace }) else { return nil }
        return address(name, family: AF_INET, size: 4).map(Host.ipv4) ?? .name(name)
    }

    /// `header` without its port, and without the brackets of an IPv6 address.
    private static func hostPart(of header: String) -> String? {
        // A DNS name has at most 253 characters; anything much longer is not a host, and
        // stopping here keeps the work on a megabyte of header small.
        guard header.utf8.count <= 300 else { return nil }
        let host: Substring, rest: Substring
        if header.hasPrefix("[") {
            guard let close = header.firstIndex(of: "]") else { return nil }
            host = header[header.index(after: header.startIndex)..<close]
            rest = header[header.index(after: close)...]
        } else if let colon = header.firstIndex(of: ":") {
            host = header[..<colon]
            rest = header[colon...]
        } else {
            host = header[...]
            rest = ""
        }
        guard rest.isEmpty || (rest.first == ":" && rest.dropFirst().allSatisfy { ("0"..."9").contains($0) }) else { return nil }
        return host.isEmpty ? nil : String(host)
    }

    /// The bytes of an IP address in its textual form, as `inet_pton` reads it (IPv4 only as
    /// four decimal parts, the form browsers send).
    private static func address(_ text: String, family: Int32, size: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: size)
        return inet_pton(family, text, &bytes) == 1 ? bytes : nil
    }

    private var listensEverywhere: Bool {
        bound == .ipv4([0, 0, 0, 0]) || bound == .ipv6([UInt8](repeating: 0, count: 16))
    }

    private static let ipv6Loopback = [UInt8](repeating: 0, count: 15) + [1]

    /// `::ffff:127.x.x.x`: a loopback IPv4 address written as IPv6.
    private static func isMappedLoopback(_ bytes: [UInt8]) -> Bool {
        bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
    }
}
