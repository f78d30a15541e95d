import CCmark
import Foundation

/// Obsidian embeds, `![[…]]`: a file (an image, audio, video, a PDF…) is found the way
/// Obsidian finds it and written as HTML here; a note becomes an embed placeholder that the
/// render stage fills with the note's body (or one section of it).
extension LinkEditor {
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp"]
    static let audioExtensions: Set<String> = ["mp3", "wav", "m4a", "ogg", "oga", "flac", "3gp"]
    static let videoExtensions: Set<String> = ["mp4", "webm", "ogv", "mov", "mkv"]
    /// Other files embeds commonly name: always files, even when none is found.
    static let documentExtensions: Set<String> = ["pdf", "txt", "csv", "json", "zip", "canvas", "excalidraw", "drawio", "xlsx", "docx", "pptx"]

    /// The piece that stands for `![[target#anchor|alias]]`.
    mutating func embed(target: String, anchor: String?, alias: String, written: String, line: Int, column: Int) -> WikiPiece {
        let fileExtension = Self.fileExtension(target)
        let known = Self.imageExtensions.union(Self.audioExtensions).union(Self.videoExtensions).union(Self.documentExtensions)
        if let base, !target.isEmpty, let fileExtension, fileExtension != "md" {
            let found = Self.findFile(target, base: base)
            if let path = found.path {
                if found.others.count > 0 {
                    let names = ([path] + found.others).joined(separator: ", ")
                    problems.append(MarkdownProblem(severity: .warning, message: "embed \(written) matches \(found.others.count + 1) files (\(names)); using \(path), the nearest to this note", line: line, column: column))
                }
                return .raw(Self.fileHTML(path: path, alias: alias, base: base))
            }
            if known.contains(fileExtension) {
                problems.append(MarkdownProblem(severity: .warning, message: "embed \(written) matches no file next to this note, from the content folder's top or by its name", line: line, column: column))
                return .raw("<a class=\"broken-link\" title=\"Broken embed: \(HTML.escape(target)) was not found\">\(HTML.escape(written))</a>")
            }
        }
        // `![[#Heading]]` needs to know which note it is in.
        guard !target.isEmpty || (anchor?.isEmpty == false && base != nil) else {
            problems.append(MarkdownProblem(severity: .warning, message: "embed `\(written)` has no target; it is shown as text", line: line, column: column))
            return .text(written)
        }
        let label = alias.isEmpty ? (target.isEmpty ? anchor ?? "" : anchor.map { "\(target) › \($0)" } ?? target) : alias
        links.append(LinkReference(target: target.isEmpty ? .note(path: base!.sourcePath) : .wiki(target),
                                   anchor: anchor?.isEmpty == true ? nil : anchor,
                                   label: label, line: line, column: column, context: "", isEmbed: true))
        return .embed(links.count - 1)
    }

    /// `png` for `a/b.PNG`; nil without an extension.
    static func fileExtension(_ target: String) -> String? {
        let name = target.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let suffix = name[name.index(after: dot)...]
        guard !suffix.isEmpty, suffix.count <= 10, suffix.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return suffix.lowercased()
    }

    /// Finds a file as Obsidian does: a path from the content folder's top, then from the
    /// note's folder, then a file of that name (or path ending) anywhere; of several, the one
    /// sharing most folders with the note (then the shortest path, then the first by path).
    static func findFile(_ target: String, base: LinkBase) -> (path: String?, others: [String]) {
        let decoded = (ContentPath.percentDecoded(target) ?? target).precomposed
        if let top = ContentPath.resolve(decoded, from: []), base.files.contains(top) { return (top, []) }
        if let near = ContentPath.resolve(decoded, from: base.folder), base.files.contains(near) { return (near, []) }
        let name = (decoded.split(separator: "/").last.map(String.init) ?? decoded).lowercased()
        let byName = base.filesByName.isEmpty ? LinkBase.byName(base.files) : base.filesByName
        let ending = "/" + decoded.lowercased()
        let candidates = (byName[name] ?? []).filter { !decoded.contains("/") || ("/" + $0.lowercased()).hasSuffix(ending) }
        guard !candidates.isEmpty else { return (nil, []) }
        let folder = base.folder
        func shared(_ path: String) -> Int {
            zip(path.split(separator: "/").dropLast(), folder).prefix { $0 == $1 }.count
        }
        let ranked = candidates.sorted { a, b in
            let (sharedA, sharedB) = (shared(a), shared(b))
            if sharedA != sharedB { return sharedA > sharedB }
            if a.count != b.count { return a.count < b.count }
            return a < b
        }
        return (ranked[0], Array(ranked.dropFirst()))
    }

    /// The HTML of an embedded file, relative to the note's page: an image, an audio or video
    /// player, or a link. `alias` is the alt text, or the width (`300`, `300x200`) of an image.
    static func fileHTML(path: String, alias: String, base: LinkBase) -> String {
        let href = HTML.escape(relativeRoot(forURLPath: base.pageURLPath) + ContentPath.encoded(path))
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let fileExtension = fileExtension(path) ?? ""
        let size = alias.split(separator: "x", maxSplits: 1).map(String.init)
        let isSize = !alias.isEmpty && size.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }
        var dimensions = ""
        if isSize {
            dimensions = " width=\"\(Int(size[0])!)\""
            if size.count == 2 { dimensions += " height=\"\(Int(size[1])!)\"" }
        }
        let fallback = "<a href=\"\(href)\">\(HTML.escape(name))</a>"
        if imageExtensions.contains(fileExtension) {
            let alt = isSize || alias.isEmpty ? String(name.prefix { $0 != "." }) : alias
            return "<img src=\"\(href)\" alt=\"\(HTML.escape(alt))\"\(dimensions) />"
        }
        if audioExtensions.contains(fileExtension) {
            return "<audio controls src=\"\(href)\">\(fallback)</audio>"
        }
        if videoExtensions.contains(fileExtension) {
            return "<video controls src=\"\(href)\"\(dimensions)>\(fallback)</video>"
        }
        let label = alias.isEmpty || isSize ? name : alias
        return "<a class=\"embed-file\" href=\"\(href)\">\(HTML.escape(label))</a>"
    }

    /// Puts each note embed where HTML allows a block: a paragraph holding nothing but embeds
    /// (one per line) is replaced by the embeds as blocks. An embed among other words, or in
    /// a heading or emphasis, becomes an ordinary link to the note instead.
    mutating func placeEmbeds() {
        let known = Set(embedNodes.map(\.node))
        // Each paragraph is looked at once, however many embeds it holds.
        var liftable: [OpaquePointer: Bool] = [:]
        // The embeds of a lifted paragraph are freed with it: never touched again.
        var freed = Set<OpaquePointer>()
        for (node, number) in embedNodes where !freed.contains(node) {
            let parent = cmark_node_parent(node)
            var canLift = false
            if let parent, cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH {
                if let known = liftable[parent] {
                    canLift = known
                } else {
                    canLift = Self.onlyEmbeds(parent, known: known) != nil
                    liftable[parent] = canLift
                }
            }
            guard let parent, canLift else {
                cmark_node_set_on_enter(node, LinkPlaceholder.opening(number))
                cmark_node_set_on_exit(node, "</a>")
                let text = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(text, links[number].label)
                cmark_node_append_child(node, text)
                links[number].isEmbed = false
                continue
            }
            for embed in Self.onlyEmbeds(parent, known: known) ?? [] {
                freed.insert(embed)
                let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
                cmark_node_set_on_enter(block, String(cString: cmark_node_get_on_enter(embed)))
                cmark_node_set_on_exit(block, "")
                cmark_node_insert_before(parent, block)
            }
            cmark_node_unlink(parent)
            cmark_node_free(parent)
        }
        for number in links.indices where links[number].isEmbed && links[number].context.isEmpty {
            links[number].context = links[number].label
        }
    }

    /// The embed placeholders of a paragraph made of nothing else (but line breaks and
    /// spaces); nil when it holds anything else.
    private static func onlyEmbeds(_ paragraph: OpaquePointer, known: Set<OpaquePointer>) -> [OpaquePointer]? {
        var embeds: [OpaquePointer] = []
        var child = cmark_node_first_child(paragraph)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: break
            case CMARK_NODE_TEXT where (literal(current) ?? "").allSatisfy(\.isWhitespace): break
            case CMARK_NODE_CUSTOM_INLINE where known.contains(current): embeds.append(current)
            default: return nil
            }
            child = cmark_node_next(current)
        }
        return embeds
    }
}
