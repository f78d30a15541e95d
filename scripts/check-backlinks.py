#!/usr/bin/env python3
"""Checks a built site's link graph from its HTML alone.

    scripts/check-backlinks.py OUTPUT_DIR

For every note page (one with a `note__body`), it collects the links in the body that
point at another note page, and counts, for every note, the distinct notes linking to it.
It then reads each note's "Linked from" list and fails when the number shown differs
from that count, when a listed note does not link to it, or when any page holds a link
marked `broken-link`. It prints the totals, so a run on a large corpus is a measurement.
"""

import html.parser
import pathlib
import posixpath
import sys
import urllib.parse


class NotePage(html.parser.HTMLParser):
    """The body links, backlink entries and broken links of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.is_note = False
        self.body_links = []
        self.backlinks = []
        self.broken = 0
        self._body_depth = 0      # open <div>s since the note body started, 0 outside it
        self._in_backlinks = False
        self._backlink_item = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "a" and "broken-link" in classes:
            self.broken += 1
        if tag == "div":
            if self._body_depth:
                self._body_depth += 1
            elif "note__body" in classes:
                self.is_note = True
                self._body_depth = 1
        elif tag == "section" and attrs.get("id") == "backlinks":
            self._in_backlinks = True
        elif tag == "li" and self._in_backlinks:
            self._backlink_item = True
        elif tag == "a" and attrs.get("href") is not None:
            if self._body_depth:
                self.body_links.append(attrs["href"])
            elif self._backlink_item:
                self.backlinks.append(attrs["href"])
                self._backlink_item = False

    def handle_endtag(self, tag):
        if tag == "div" and self._body_depth:
            self._body_depth -= 1
        elif tag == "section":
            self._in_backlinks = False


def page_key(output, page, href):
    """The output-relative path of the page an href on `page` points at, or None."""
    parts = urllib.parse.urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = posixpath.dirname(page)
    target = posixpath.normpath(posixpath.join(base, urllib.parse.unquote(parts.path)))
    if href.split("#")[0].endswith("/"):
        target = posixpath.join(target, "index.html")
    if target.startswith(".."):
        return None
    return target if (output / target).is_file() else None


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    output = pathlib.Path(sys.argv[1])
    pages = {}
    for file in sorted(output.rglob("*.html")):
        parser = NotePage()
        parser.feed(file.read_text(encoding="utf-8"))
        pages[file.relative_to(output).as_posix()] = parser

    notes = {path: page for path, page in pages.items() if page.is_note}
    linkers = {path: set() for path in notes}
    for path, page in notes.items():
        for href in page.body_links:
            target = page_key(output, path, href)
            if target in notes and target != path:
                linkers[target].add(path)

    failures = []
    for path, page in notes.items():
        shown = [page_key(output, path, href) for href in page.backlinks]
        if len(shown) != len(set(shown)):
            failures.append(f"{path}: a note is listed twice under 'Linked from'")
        if set(shown) != linkers[path]:
            missing = sorted(linkers[path] - set(shown))[:3]
            extra = sorted(set(shown) - linkers[path])[:3]
            failures.append(f"{path}: shows {len(shown)} backlinks, {len(linkers[path])} notes link to it"
                            f" (missing {missing}, not linking {extra})")
    broken = sum(page.broken for page in pages.values())
    if broken:
        failures.append(f"{broken} links are marked broken")

    edges = sum(len(sources) for sources in linkers.values())
    linked = sum(1 for sources in linkers.values() if sources)
    print(f"{len(pages)} pages, {len(notes)} notes, {sum(len(p.body_links) for p in notes.values())} body links; "
          f"{edges} note-to-note links from distinct notes; {linked} notes have backlinks; "
          f"{broken} broken links; {len(failures)} mismatches")
    for failure in failures[:20]:
        print("error: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
