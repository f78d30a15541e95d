#!/usr/bin/env python3
"""Serve benchmark: from saving a one-note edit to the reload event reaching the browser.

    scripts/serve-bench.py OUTLOUD CONTENT THEMES [HUGO_SITE]

Starts `OUTLOUD serve --no-git` on CONTENT (with the themes folder THEMES), waits for it
to answer and for its start-up builds to settle, opens the live-reload event stream as a
page does, then 5 times appends a line to the first note (in path order) and times the
`reload` event; the note is restored at the end. Prints each time, the median, and the
stage times the server printed for its rebuilds.

With HUGO_SITE (a Hugo site, such as gen_corpus.py --layout hugo writes), also starts
`hugo server --renderToMemory` there, makes the same kind of edit 3 times, and prints the
rebuild times from Hugo's own log ("Total in … ms").
"""
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.2)
    return False


def first_note(folder):
    return sorted(p for p in Path(folder).rglob("*.md") if not p.name.startswith(("_", ".")) and p.name != "README.md"
                  and p.parent != Path(folder))[0]


def outloud(binary, content, themes, settle):
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--port", str(port), "--no-git", "--content", content, "--themes-dir", themes],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    note = first_note(content)
    original = note.read_text()
    times = []
    try:
        if not wait_for(port, 300):
            sys.exit("outloud serve did not start")
        time.sleep(settle)  # the quiet second build that start-up makes
        events = socket.create_connection(("127.0.0.1", port))
        events.settimeout(120)
        events.sendall(b"GET /__outloud/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        time.sleep(0.5)
        events.recv(65536)
        for number in range(5):
            start = time.time()
            note.write_text(original + f"\nEdit {number}.\n")
            received = b""
            while b"event: reload" not in received:
                received += events.recv(65536)
            times.append(time.time() - start)
            time.sleep(1)
    finally:
        note.write_text(original)
        server.send_signal(2)
        output, _ = server.communicate(timeout=60)
    print(f"Outloud, save → reload event: {', '.join(f'{t:.2f}' for t in times)} s; median {statistics.median(times):.2f} s")
    for line in output.splitlines():
        if line.strip().startswith("load "):
            print("  " + line.strip())


def hugo(site):
    port = free_port()
    log = open("/tmp/outloud-serve-bench-hugo.log", "w")
    server = subprocess.Popen(["hugo", "server", "--port", str(port), "--renderToMemory"], cwd=site, stdout=log, stderr=subprocess.STDOUT)
    note = first_note(Path(site) / "content")
    original = note.read_text()
    try:
        deadline = time.time() + 600
        while time.time() < deadline and "Web Server is available" not in Path(log.name).read_text():
            time.sleep(1)
        built = re.findall(r"Built in (\d+) ms", Path(log.name).read_text())
        for number in range(3):
            note.write_text(original + f"\nEdit {number}.\n")
            time.sleep(8)
    finally:
        note.write_text(original)
        server.terminate()
        server.wait(timeout=30)
    totals = re.findall(r"Total in (\d+) ms", Path(log.name).read_text())
    print(f"Hugo server: first build {built[0] if built else '?'} ms; rebuilds {', '.join(totals)} ms")


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    binary, content, themes = sys.argv[1:4]
    outloud(os.path.abspath(binary), content, themes, float(os.environ.get("SETTLE", "25")))
    if len(sys.argv) > 4:
        hugo(sys.argv[4])


if __name__ == "__main__":
    main()
