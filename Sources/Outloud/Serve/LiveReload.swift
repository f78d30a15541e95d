import Foundation
import Synchronization

/// How `outloud serve` tells open pages that the site changed: each HTML page it serves gets
/// one script tag (added as the page is sent, never written to the output), which listens to
/// Server-Sent Events at `eventsPath`. `reload` makes the page reload itself; `problems`
/// carries the last build's errors, then its warnings, with their counts, as JSON
/// (`problemsJSON`), shown over the page until a build succeeds.
public final class LiveReload: Sendable {
    public static let scriptPath = "/__outloud/live.js"
    public static let eventsPath = "/__outloud/events"

    /// The open pages' streams, and what a page connecting now is told first: nothing, or the
    /// failed build's problems.
    private struct State {
        var clients: [Int: AsyncStream<String>.Continuation] = [:]
        var next = 0
        var problems: String?
        /// The server is stopping: a stream asked for now ends at once, or stopping would wait for it.
        var finished = false
    }

    private let state = Mutex(State())

    public init() {}

    /// A new listener's events, as Server-Sent Events text. It ends when the server stops;
    /// when the page goes away, cancelling the task that reads it ends it and forgets it.
    public func events() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let listening = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            let number = state.next
            state.next += 1
            // Set before the stream is known to anyone, so no ending can slip past it.
            continuation.onTermination = { [weak self] _ in
                self?.state.withLock { _ = $0.clients.removeValue(forKey: number) }
            }
            state.clients[number] = continuation
            continuation.yield(": connected\n\n")
            if let problems = state.problems { continuation.yield(Self.event("problems", problems)) }
            return true
        }
        if !listening { continuation.finish() }
        return stream
    }

    /// How many pages listen now.
    var listeners: Int { state.withLock { $0.clients.count } }

    /// Tells every page the outcome of a build: reload after a good one, the problems after a
    /// failed one.
    public func built(_ report: BuildReport) {
        let problems = report.succeeded ? nil : Self.problemsJSON(report.diagnostics)
        let message = problems.map { Self.event("problems", $0) } ?? Self.event("reload", "{}")
        state.withLock { state in
            state.problems = problems
            for continuation in state.clients.values { continuation.yield(message) }
        }
    }

    /// A comment line that keeps idle connections (and proxies) from timing out.
    public func keepAlive() {
        state.withLock { state in
            for continuation in state.clients.values { continuation.yield(": keep-alive\n\n") }
        }
    }

    /// Ends every listener's stream (the server is stopping).
    public func finish() {
        // Finished outside the lock: finishing runs each stream's `onTermination`, which takes it.
        let clients = state.withLock { state in
            state.finished = true
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for continuation in clients { continuation.finish() }
    }

    static func event(_ name: String, _ data: String) -> String { "event: \(name)\ndata: \(data)\n\n" }

    /// `html` with the live-reload script before `</body>` (or at the end).
    public static func inject(into html: [UInt8]) -> [UInt8] {
        let tag = Array("<script src=\"\(scriptPath)\" defer></script>\n".utf8)
        let closing = Array("</body>".utf8)
        var result = html
        if let at = lastRange(of: closing, in: html) {
            result.insert(contentsOf: tag, at: at)
        } else {
            result += tag
        }
        return result
    }

    private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var start = haystack.count - needle.count
        while start >= 0 {
            if haystack[start] == needle[0], haystack[start..<start + needle.count].elementsEqual(needle) { return start }
            start -= 1
        }
        return nil
    }

    /// The script pages load from `scriptPath`: it reloads the page on `reload` and shows the
    /// build's problems over the page on `problems`. No inline style: it works under a strict
    /// Content-Security-Policy too.
    public static let script = """
    (function () {
      'use strict';
      if (!window.EventSource) return;
      var overlay = null;
      function hide() { if (overlay) { overlay.remove(); overlay = null; } }
      function show(report) {
        hide();
        overlay = document.createElement('div');
        overlay.setAttribute('role', 'alert');
        overlay.id = 'outloud-problems';
        var s = overlay.style;
        s.position = 'fixed'; s.inset = '0'; s.zIndex = '2147483647'; s.overflow = 'auto';
        s.background = 'rgba(20, 22, 28, 0.94)'; s.color = '#fff'; s.padding = '2rem';
        s.font = '15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
        var title = document.createElement('h2');
        title.textContent = 'outloud serve: the build failed';
        title.style.color = '#ff8a80'; title.style.font = 'bold 18px/1.4 system-ui, sans-serif'; title.style.margin = '0 0 1rem';
        overlay.appendChild(title);
        var counts = document.createElement('p');
        counts.textContent = report.summary;
        counts.style.margin = '0 0 1rem';
        overlay.appendChild(counts);
        report.problems.forEach(function (problem) {
          var line = document.createElement('p');
          line.style.margin = '0 0 0.75rem';
          var where = document.createElement('strong');
          where.textContent = problem.location + ': ' + problem.severity + ': ';
          line.appendChild(where);
          line.appendChild(document.createTextNode(problem.message));
          overlay.appendChild(line);
        });
        var hint = document.createElement('p');
        hint.textContent = 'Fix the file and save: this page reloads by itself.';
        hint.style.opacity = '0.75';
        overlay.appendChild(hint);
        document.body.appendChild(overlay);
      }
      var source = new EventSource('\(eventsPath)');
      source.addEventListener('reload', function () { location.reload(); });
      source.addEventListener('problems', function (event) { show(JSON.parse(event.data)); });
    })();

    """
}
