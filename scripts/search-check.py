#!/usr/bin/env python3
"""Checks the search of a built site in headless Chromium, as a reader would use it.

    scripts/search-check.py [output-folder]          (default: output)

The site is served under a sub-path (/learning/) by a small server that sends
`Content-Security-Policy: default-src 'self'` with every page and answers 404 outside the
sub-path. Checks: the client's stemmer agrees with the build's on Tests/Fixtures/search/stems.tsv;
typing a note's exact title (on the search page and in the header) puts that note first;
the arrow keys reach the header's results; a skill facet narrows the results to notes with
that skill; a `?q=…&skill=…` URL restores the search; nothing is fetched outside the
sub-path; no console errors. Needs Debian's chromium and chromium-driver, and selenium.
Exits 1 when any check fails (the facet checks stop at once when there are no facets to click).
"""
import functools
import http.server
import json
import os
import sys
import threading
from pathlib import Path
from urllib.parse import quote, urlsplit

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

PREFIX = "/learning/"
ROOT = Path(__file__).resolve().parent.parent
failures = []
outside = []


class Handler(http.server.SimpleHTTPRequestHandler):
    """The site under PREFIX, with a strict CSP; 404 anywhere else."""

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            outside.append(path)
            return "/nonexistent/"
        return super().translate_path("/" + path[len(PREFIX):])

    def end_headers(self):
        self.send_header("Content-Security-Policy", "default-src 'self'")
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(options=options, service=service)


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)
    return condition


def wait(driver, predicate, seconds=10):
    try:
        return WebDriverWait(driver, seconds).until(lambda d: predicate(d))
    except Exception:
        return None


def titles(driver, selector):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, selector + " .search-result__title a")]


def records(folder):
    notes = sorted((folder / "search" / "notes").glob("*.json"), key=lambda p: int(p.stem))
    return [json.loads(p.read_text()) for p in notes]


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "output").resolve()
    if not (folder / "search" / "index.json").is_file():
        sys.exit(f"{folder} has no search index: build the site first (without --no-search)")
    manifest = json.loads((folder / "search" / "index.json").read_text())
    notes = records(folder)
    server, base = serve(folder)
    driver = browser()
    try:
        # The client's stemmer against the build's test vectors.
        driver.get(base)
        wait(driver, lambda d: d.execute_script("return !!window.outloudSearch"))
        pairs = [line.split("\t") for line in (ROOT / "Tests/Fixtures/search/stems.tsv").read_text().splitlines() if "\t" in line]
        stems = driver.execute_script("return arguments[0].map(w => window.outloudSearch.stem(w))", [w for w, _ in pairs])
        wrong = [(w, s, got) for (w, s), got in zip(pairs, stems) if s != got]
        check(not wrong, f"the client stems {len(pairs)} words as the build does {wrong[:3] if wrong else ''}")

        # A note's exact title, typed on the search page, puts it first.
        picks = [notes[0], notes[len(notes) // 2], notes[-1]]
        for record in picks:
            driver.get(base + "search/")
            box = driver.find_element(By.ID, "search-input")
            box.send_keys(record["title"])
            first = wait(driver, lambda d: (titles(d, ".search__results") or [None])[0] == record["title"])
            check(first, f"search page: typing “{record['title']}” puts it first (got {titles(driver, '.search__results')[:3]})")

        # In the header of the home page, and the arrow keys reach the results.
        driver.get(base)
        box = driver.find_element(By.ID, "site-search-input")
        record = picks[1]
        box.send_keys(record["title"])
        first = wait(driver, lambda d: (titles(d, ".site-search__results") or [None])[0] == record["title"])
        check(first, f"header: typing “{record['title']}” shows it first (got {titles(driver, '.site-search__results')[:3]})")
        box.send_keys(Keys.ARROW_DOWN)
        focused = driver.switch_to.active_element
        check(focused.text == record["title"], "header: arrow down moves to the first result")
        focused.send_keys(Keys.ESCAPE)
        check(driver.switch_to.active_element.get_attribute("id") == "site-search-input"
              and not driver.find_element(By.CSS_SELECTOR, ".site-search__panel").is_displayed(),
              "header: escape closes the results and returns to the box")

        # A skill facet narrows the results.
        word = "team"
        driver.get(base + "search/?q=" + word)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".search__results li"))
        status = driver.find_element(By.ID, "search-status").text
        before = int(status.split()[0]) if status[:1].isdigit() else 0
        box = driver.find_elements(By.CSS_SELECTOR, ".search__facet input[name=skill]")
        if not check(before > 1 and box, f"“{word}” has results ({status}) and skill facets"):
            raise SystemExit("search: the facet checks need results with skill facets; stopping here")
        box = box[0]
        skill, count = box.get_attribute("value"), int(box.find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, ".search__count").text)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
        narrowed = wait(driver, lambda d: d.find_element(By.ID, "search-status").text.startswith(f"{count} result"))
        check(narrowed and count < before, f"the skill facet {skill} narrows {before} results to {count}: {driver.find_element(By.ID, 'search-status').text}")
        name = next(s[1] for s in manifest["skills"] if s[0] == skill)
        tagged = all(name in [t.text for t in li.find_elements(By.CSS_SELECTOR, ".tag")]
                     for li in driver.find_elements(By.CSS_SELECTOR, ".search__results .search-result"))
        check(tagged, f"every result shown has the skill {name}")
        check(f"skill={quote(skill)}" in driver.current_url, f"the URL holds the facet: {driver.current_url}")

        # The URL restores the search.
        shared = driver.current_url
        driver.get(base)
        driver.get(shared)
        wait(driver, lambda d: d.find_element(By.ID, "search-status").text)
        check(driver.find_element(By.ID, "search-input").get_attribute("value") == word
              and driver.find_element(By.CSS_SELECTOR, f".search__facet input[value='{skill}']").is_selected()
              and driver.find_element(By.ID, "search-status").text.startswith(f"{count} result"),
              f"{shared} restores the query, the facet and the {count} results")

        # Without JavaScript the page says so and links to the indexes.
        html = (folder / "search" / "index.html").read_text()
        check("<noscript>" in html and 'href="../skills/"' in html, "without JavaScript, the search page links to the skill index")

        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        check(not errors, f"no console errors {errors[:3] if errors else ''}")
        check(not outside, f"nothing fetched outside {PREFIX} {outside[:3] if outside else ''}")
    finally:
        driver.quit()
        server.shutdown()
    if failures:
        sys.exit(f"{len(failures)} search check(s) failed")
    print("search: all checks passed")


if __name__ == "__main__":
    main()
