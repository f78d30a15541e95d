#!/usr/bin/env python3
"""Search benchmark: bytes fetched per query and time to results, Outloud against Pagefind.

    scripts/search-bench.py OUTLOUD_SITE [PAGEFIND_SITE]

OUTLOUD_SITE is a site built by `outloud build`; PAGEFIND_SITE is the same site (built with
--no-search) after `python3 -m pagefind_bin --site PAGEFIND_SITE`. Each is served from this
machine without compression (as most intranet servers serve binary and JSON files) and
opened in headless Chromium with an empty cache for every query.

- Bytes: every file the search fetched for one query, script and manifest included, as the
  browser's Resource Timing reports them (encodedBodySize); Outloud's search page loads the
  records of the first 10 results and the facets; Pagefind's JavaScript API loads `data()`
  for its first 10 results (its UI shows 5 at first).
- Time to results (Outloud): the query typed into the search page a key at a time, 120 ms
  apart as a quick typist; from each keydown to the results list changing; median and 90th
  percentile over every keystroke of every query, the first query of a fresh page included.
- Time to results (Pagefind): `search()` then `data()` of the first 10, per query prefix,
  measured in the page the same way.
"""
import functools
import http.server
import json
import statistics
import sys
import threading
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

QUERIES = ["feedback", "budget", "coach feedback", "research design"]


class Counting(http.server.SimpleHTTPRequestHandler):
    """Serves files and counts the bytes of each body it sends, by path: what the browser
    fetched, its workers' requests included."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".pagefind": "application/wasm", ".pf_meta": "application/octet-stream"}
    sent = []

    def send_header(self, keyword, value):
        if keyword == "Content-Length":
            self.sent.append((self.path.split("?")[0].lstrip("/"), int(value)))
        super().send_header(keyword, value)

    def log_message(self, *args):
        pass


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def sent_since(mark):
    files = {}
    for path, size in Counting.sent[mark:]:
        files[path] = files.get(path, 0) + size
    return files


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))


def outloud_bytes(base, query, page, typed):
    """What one query fetches, in a fresh browser: on the search page (facets and 10
    records) or in the header's box of the home page (6 records); pasted, or typed a key at
    a time, 120 ms apart (each keystroke searches, and its results are shown)."""
    driver = browser()
    try:
        mark = len(Counting.sent)
        driver.get(base + ("search/" if page else ""))
        box = driver.find_element(By.ID, "search-input" if page else "site-search-input")
        if typed:
            for character in query:
                box.send_keys(character)
                time.sleep(0.12)
        else:
            driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", box, query)
        done = "#search-status" if page else ".site-search__all"
        deadline = time.time() + 20
        while time.time() < deadline and not driver.execute_script(f"const e = document.querySelector('{done}'); return e && e.textContent"):
            time.sleep(0.05)
        time.sleep(0.5)
        return {path: size for path, size in sent_since(mark).items() if path.startswith("search/") or path == "theme/search.js"}
    finally:
        driver.quit()


def pagefind_page(site):
    (site / "pf-bench.html").write_text(
        '<!DOCTYPE html><meta charset="utf-8"><title>pagefind bench</title>'
        '<script type="module">import * as pagefind from "./pagefind/pagefind.js"; window.pagefind = pagefind; window.ready = true;</script>\n')


def pagefind_query(driver, query):
    return driver.execute_async_script("""
        const [query, done] = arguments;
        const start = performance.now();
        window.pagefind.search(query).then(search => Promise.all(search.results.slice(0, 10).map(r => r.data())).then(data => {
            done([performance.now() - start, search.results.length, data.map(d => d.meta.title)]);
        }));
    """, query)


def pagefind_bytes(base, query):
    driver = browser()
    try:
        mark = len(Counting.sent)
        driver.get(base + "pf-bench.html")
        while not driver.execute_script("return window.ready === true"):
            time.sleep(0.05)
        driver.set_script_timeout(60)
        pagefind_query(driver, query)
        time.sleep(0.3)
        return {path: size for path, size in sent_since(mark).items() if path.startswith("pagefind/")}
    finally:
        driver.quit()


def outloud_latency(base):
    driver = browser()
    latencies = []
    try:
        for query in QUERIES:
            driver.get(base + "search/")
            driver.execute_script("""
                window.latencies = []; window.down = null;
                const list = document.querySelector('.search__results');
                document.getElementById('search-input').addEventListener('keydown', e => { window.down = performance.now(); }, true);
                new MutationObserver(() => { if (window.down !== null) { window.latencies.push(performance.now() - window.down); window.down = null; } })
                    .observe(list, {childList: true});
            """)
            box = driver.find_element(By.ID, "search-input")
            for character in query:
                box.send_keys(character)
                time.sleep(0.12)
            time.sleep(0.5)
            latencies += driver.execute_script("return window.latencies")
    finally:
        driver.quit()
    return latencies


def pagefind_latency(base):
    driver = browser()
    latencies = []
    try:
        driver.get(base + "pf-bench.html")
        while not driver.execute_script("return window.ready === true"):
            time.sleep(0.05)
        driver.set_script_timeout(60)
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                if query[end - 1] != " ":
                    latencies.append(pagefind_query(driver, query[:end])[0])
    finally:
        driver.quit()
    return latencies


def summary(latencies):
    ordered = sorted(latencies)
    return f"median {statistics.median(ordered):.1f} ms, p90 {ordered[int(0.9 * (len(ordered) - 1))]:.1f} ms, max {ordered[-1]:.1f} ms over {len(ordered)} keystrokes"


def main():
    outloud = Path(sys.argv[1]).resolve()
    pagefind = Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else None
    index = outloud / "search"
    size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file() and p.name != "index.html")
    print(f"Outloud index on disk: {size / 1e6:.1f} MB in {sum(1 for p in index.rglob('*') if p.is_file()) - 1} files "
          f"(terms {sum(p.stat().st_size for p in (index / 'terms').iterdir()) / 1e6:.1f} MB, records {sum(p.stat().st_size for p in (index / 'notes').iterdir()) / 1e6:.1f} MB)")
    if pagefind:
        folder = pagefind / "pagefind"
        print(f"Pagefind index on disk: {sum(p.stat().st_size for p in folder.rglob('*') if p.is_file()) / 1e6:.1f} MB in {sum(1 for p in folder.rglob('*') if p.is_file())} files")
    server, base = serve(outloud)
    pf_server, pf_base = serve(pagefind) if pagefind else (None, None)
    if pagefind:
        pagefind_page(pagefind)
    results = {}
    try:
        def described(files):
            groups = {"script": "theme/search.js", "manifest": "search/index.json", "facets": "search/facets.bin"}
            parts = {name: files.get(path, 0) for name, path in groups.items()}
            parts["shards"] = sum(v for k, v in files.items() if k.startswith("search/terms/"))
            parts["records"] = sum(v for k, v in files.items() if k.startswith("search/notes/"))
            return f"{sum(files.values()) / 1000:.1f} kB in {len(files)} files (" + ", ".join(f"{k} {v / 1000:.1f}" for k, v in parts.items() if v) + ")"

        for query in QUERIES:
            results[query] = {}
            print(f"“{query}”:")
            for name, page, typed in (("header box, pasted", False, False), ("search page, pasted", True, False), ("search page, typed", True, True)):
                files = outloud_bytes(base, query, page, typed)
                results[query][name] = files
                print(f"  Outloud, {name}: {described(files)}")
            if pagefind:
                pf = pagefind_bytes(pf_base, query)
                results[query]["pagefind"] = pf
                print(f"  Pagefind (search() and data() of 10): {sum(pf.values()) / 1000:.1f} kB in {len(pf)} files: "
                      + ", ".join(f"{k.split('/')[-1][:24]} {v / 1000:.1f}" for k, v in sorted(pf.items(), key=lambda kv: -kv[1])[:6]) + (", …" if len(pf) > 6 else ""))
        print("Outloud time to results after a keystroke:", summary(outloud_latency(base)))
        if pagefind:
            print("Pagefind search() + data() of 10:", summary(pagefind_latency(pf_base)))
    finally:
        server.shutdown()
        if pf_server:
            pf_server.shutdown()
    Path("/tmp/search-bench.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
