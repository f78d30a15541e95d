import Foundation

/// What `outloud serve` answers for a request path, decided before any file is opened: a file
/// under the site's folder, a redirect to a folder's URL, or not found. Nothing outside the
/// folder can be reached: the path is percent-decoded once, then any `..` or `.` segment, NUL,
/// backslash or hidden name (a leading `.`) is refused, and symbolic links are not followed.
public enum ServedPath: Equatable, Sendable {
    /// A file to send, by its path on disk.
    case file(String, contentType: String)
    /// A folder asked for without its trailing slash (`/books`): where to send the browser.
    case redirect(String)
    case notFound

    /// `requestPath` is the URL's path as the request gave it (`/books/drive/`,
    /// `/theme/style.css`, percent-encoded); `root` is the built site's folder.
    public static func resolve(_ requestPath: String, in root: String) -> ServedPath {
        guard requestPath.hasPrefix("/"), let decoded = requestPath.removingPercentEncoding else { return .notFound }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments {
            if segment.hasPrefix(".") || segment.contains("\0") || segment.contains("\\") { return .notFound }
        }
        let relative = segments.joined(separator: "/")
        let path = relative.isEmpty ? root : FileIO.join(root, relative)
        var status = stat()
        guard lstat(path, &status) == 0 else { return .notFound }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            // The path as resolved, not as asked: `//host/x` must not become a redirect to another host.
            guard decoded.hasSuffix("/") else { return .redirect("/" + (relative.isEmpty ? "" : ContentPath.encoded(relative) + "/")) }
            let index = FileIO.join(path, "index.html")
            guard lstat(index, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .notFound }
            return .file(index, contentType: contentType(of: index))
        case S_IFREG:
            return .file(path, contentType: contentType(of: path))
        default:
            return .notFound
        }
    }

    /// The `Content-Type` for a file, by its extension.
    static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name == "feed.xml" { return "application/atom+xml; charset=utf-8" }
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        return contentTypes[ext] ?? "application/octet-stream"
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "zip": "application/zip", "wasm": "application/wasm",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg",
        "bin": "application/octet-stream",
    ]
}
