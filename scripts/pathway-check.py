#!/usr/bin/env python3
"""Checks the progress script of a pathway page (themes/default/assets/pathways.js) in
headless Chromium, as a learner would use it.

    scripts/pathway-check.py [path/to/outloud] [--page DIR]     (default: .build/debug/outloud)

Copies Tests/Fixtures/pathway-progress/ and themes/ to a temporary folder, builds it with
`outloud build --strict`, and serves the output under /learning/ with
`Content-Security-Policy: default-src 'self'` (404 outside the sub-path). Then:
(a) without JavaScript the page is the plain list of steps, with nothing of the script;
(b) two steps ticked done and one skipped with the space bar on focused checkboxes give
    the exact totals in the live region, and "Done"/"Skipped" exclude each other;
(c) after a reload the ticks are still there and the next step is marked;
(d) the pathway rewritten (steps reordered, one added, one removed) and rebuilt: the marks
    follow their step ids, the new step is unmarked, the totals are right; the removed step,
    put back, has its mark again;
(e) the exported line, imported in a fresh browser profile, gives the same marks; a line
    for another pathway, or no line, changes nothing and says so;
(f) with storage refused the ticks work for the page; no console errors anywhere, nothing
    fetched outside /learning/;
(g) axe-core finds no serious or critical violation on the page with marks and the
    export panel open, light and dark, 375 and 1280 px, and nothing is wider than the window.
Needs chromium, chromium-driver, selenium, axe-selenium-python and axe-core-python.

--page DIR (a development aid): DIR/before.html and DIR/after.html, hand-written pages
following the pathway page's markup, replace the built pathway page before and after the
rewrite, for checking the script while the build does not make that page yet.
Exits 1 when any check fails, naming each.
"""
import functools
import http.server
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "Tests/Fixtures/pathway-progress"
PATHWAY = "accessibility-competent"
PAGE = f"pathways/{PATHWAY}/"
TITLE = "Accessibility: from novice to competent"
KEY = f"outloud.pathway.{PATHWAY}"
# The fixture's steps, and the same pathway rewritten for (d).
BEFORE = ["wcag-quickref", "inclusive-design-patterns", "screen-reader-basics", "pair-audit",
          "colour-contrast", "write-up-what-you-learned-in"]
AFTER = ["pair-audit", "wcag-quickref", "colour-contrast", "screen-reader-basics", "aria-patterns",
         "write-up-what-you-learned-in"]
REWRITE = {  # the YAML of each step, by id
    "wcag-quickref": "  - resource: resources/wcag-quickref.md\n    why: The map of the territory.\n    minutes: 45\n",
    "pair-audit": "  - task: Pair with Kofi on one audit\n    id: pair-audit\n    minutes: 120\n",
    "colour-contrast": "  - resource: Colour contrast in practice\n    minutes: 30\n",
    "screen-reader-basics": "  - resource: screen-reader-basics\n    why: Hear what the planner sounds like.\n    minutes: 60\n",
    "aria-patterns": "  - resource: resources/aria-patterns.md\n    minutes: 60\n",
    "write-up-what-you-learned-in": "  - task: Write up what you learned in your log\n    minutes: 45\n",
}

failures = []
started = time.time()


def load(name, path):
    """Another script of scripts/ as a module (their names have dashes)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


search_check = load("search_check", ROOT / "scripts/search-check.py")  # the CSP server under /learning/
site_check = load("site_check", ROOT / "scripts/site-check.py")        # axe-core 4, as the site check runs it


class Handler(search_check.Handler):
    """search-check's server (the site under /learning/, a strict CSP), with nothing cached:
    a page rebuilt within the second it was first served must not come back as 304."""

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{search_check.PREFIX}"


def check(ok, label, detail=""):
    print(("ok    " if ok else "FAIL  ") + f"[{time.time() - started:4.1f} s] " + label
          + (f"\n      {detail}" if detail and not ok else ""))
    if not ok:
        failures.append(label)
    return ok


def wait(predicate, seconds=5):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if predicate():
                return True
        except Exception:
            pass
        time.sleep(0.05)
    return False


# ---------------------------------------------------------------- building

class Site:
    """The fixture in a temporary folder, built with the binary under test."""

    def __init__(self, binary, pages):
        self.binary, self.pages = binary, pages
        self.work = Path(tempfile.mkdtemp(prefix="outloud-pathway-check-"))
        shutil.copytree(FIXTURE / "content", self.work / "content")
        shutil.copytree(ROOT / "themes", self.work / "themes")
        self.pathway = self.work / "content/pathways" / f"{PATHWAY}.md"
        self.original = self.pathway.read_text()
        self.output = self.work / "output"

    def build(self, version):
        result = subprocess.run([str(self.binary), "build", "--strict", "--no-git"], cwd=self.work,
                                capture_output=True, text=True)
        ok = check(result.returncode == 0, f"outloud build --strict builds the fixture ({version} steps)",
                   (result.stdout + result.stderr).strip()[-600:])
        if self.pages:
            shutil.copy(self.pages / f"{version}.html", self.output / PAGE / "index.html")
        return ok

    def rewrite(self):
        head, _, rest = self.original.partition("steps:\n")
        body = rest[rest.index("---\n"):]
        self.pathway.write_text(head + "steps:\n" + "".join(REWRITE[step] for step in AFTER) + body)

    def restore(self):
        self.pathway.write_text(self.original)


# ---------------------------------------------------------------- the browser

def browser(profile=None, javascript=True, width=1280, scheme="light"):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--force-device-scale-factor=1", f"--window-size={width},900"):
        options.add_argument(argument)
    if profile:
        options.add_argument(f"--user-data-dir={profile}")
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    return driver


console = []


def finish(driver, where):
    """Keeps the driver's console errors, then closes it."""
    try:
        console.extend(f"{where}: {e['message']}" for e in driver.get_log("browser") if e["level"] == "SEVERE")
    finally:
        driver.quit()


def open_page(driver, base):
    driver.get(base + PAGE)
    return wait(lambda: driver.find_elements(By.CSS_SELECTOR, ".pathway-step__marks"))


def live(driver):
    return driver.find_element(By.CSS_SELECTOR, "[data-pathway-progress]").get_property("textContent")


def box(driver, step, mark):
    return driver.find_element(By.CSS_SELECTOR, f'li[data-step="{step}"] input[value="{mark}"]')


def press_space(driver, element):
    driver.execute_script("arguments[0].focus()", element)
    ActionChains(driver).send_keys(Keys.SPACE).perform()


def marks(driver):
    """The page's marks, read from the checkboxes: {step: mark}."""
    return driver.execute_script("""
        var marks = {};
        document.querySelectorAll('.pathway-steps > li[data-step]').forEach(function (li) {
            li.querySelectorAll('input[type=checkbox]:checked').forEach(function (box) { marks[li.dataset.step] = box.value; });
        });
        return marks;""")


def order(driver):
    return [li.get_attribute("data-step") for li in driver.find_elements(By.CSS_SELECTOR, ".pathway-steps > li[data-step]")]


def next_step(driver):
    steps = driver.find_elements(By.CSS_SELECTOR, ".pathway-step--next")
    current = [li.get_attribute("data-step") for li in driver.find_elements(By.CSS_SELECTOR, "li[aria-current=step]")]
    return [li.get_attribute("data-step") for li in steps], current


def stored(driver):
    return driver.execute_script("return JSON.parse(localStorage.getItem(arguments[0]) || 'null')", KEY)


def click(driver, label):
    """Presses the export panel's button with this text from the keyboard (Enter)."""
    button = driver.find_element(By.XPATH, f"//details[contains(@class,'pathway-tools')]//button[normalize-space()='{label}']")
    driver.execute_script("arguments[0].focus()", button)
    ActionChains(driver).send_keys(Keys.ENTER).perform()


def phase(name, function, *args):
    """Runs one group of checks; an exception fails it with its message instead of stopping."""
    try:
        function(*args)
    except Exception as error:  # noqa: BLE001 (any failure in the browser is a failed check)
        check(False, f"{name}: ran to its end", f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")


def import_line(driver, text):
    driver.execute_script("document.querySelector('details.pathway-tools').open = true")
    field = driver.find_element(By.CSS_SELECTOR, ".pathway-tools textarea")
    field.clear()
    field.send_keys(text)
    click(driver, "Import")
    status = driver.find_element(By.CSS_SELECTOR, ".pathway-tools [role=status]")
    wait(lambda: status.get_property("textContent"))
    return status.get_property("textContent")


# ---------------------------------------------------------------- the checks

TICKED = {"wcag-quickref": "done", "pair-audit": "done", "inclusive-design-patterns": "skipped"}
TICKED_TOTALS = "2 of 6 done · 1 skipped · about 2.5 h left"
NONE_TOTALS = "0 of 6 done · about 5 h left"
LINE = (f'Pathway "{TITLE}": 2 of 6 done [outloud-pathway {PATHWAY} '
        "done=wcag-quickref,pair-audit skipped=inclusive-design-patterns]")


def without_javascript(base, site):
    html = (site.output / PAGE / "index.html").read_text()
    check(f'data-pathway="{PATHWAY}"' in html and 'theme/pathways.js' in html and 'type="checkbox"' not in html,
          "the built page has the pathway section and the script, and no checkbox of its own")
    driver = browser(javascript=False)
    try:
        driver.get(base + PAGE)
        ids = order(driver)
        check(ids == BEFORE and not driver.find_elements(By.CSS_SELECTOR, ".pathway-step__marks, .pathway-tools, .pathway-step--next"),
              "(a) without JavaScript: the plain ordered list of the six steps, nothing of the script", f"{ids}")
    finally:
        finish(driver, "without JavaScript")


def tick_and_reload(driver, base):
    open_page(driver, base)
    check(live(driver) == NONE_TOTALS, f"(b) a new reader sees “{NONE_TOTALS}”", repr(live(driver)))
    name = " ".join(box(driver, "wcag-quickref", "done").accessible_name.split())
    check(name == "Done (WCAG quick reference)", "(b) a checkbox's accessible name holds the step's title", repr(name))
    press_space(driver, box(driver, "wcag-quickref", "done"))
    ActionChains(driver).send_keys(Keys.TAB).perform()
    active = driver.switch_to.active_element
    check(active == box(driver, "wcag-quickref", "skipped"), "(b) Tab goes from “Done” to the same step's “Skipped”")
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    check(not box(driver, "wcag-quickref", "done").is_selected() and box(driver, "wcag-quickref", "skipped").is_selected(),
          "(b) ticking “Skipped” clears “Done”")
    for step, mark in [("wcag-quickref", "done"), ("pair-audit", "done"), ("inclusive-design-patterns", "skipped")]:
        press_space(driver, box(driver, step, mark))
    check(marks(driver) == TICKED, "(b) space on focused checkboxes ticks two steps done and one skipped", f"{marks(driver)}")
    check(live(driver) == TICKED_TOTALS, f"(b) the live region reads “{TICKED_TOTALS}”", repr(live(driver)))
    classes = driver.execute_script("return ['wcag-quickref', 'inclusive-design-patterns'].map(function (s) {"
                                    " return document.getElementById('step-' + s).className; })")
    check("pathway-step--done" in classes[0] and "pathway-step--skipped" in classes[1], "(b) marked steps get their class", f"{classes}")
    check(next_step(driver) == (["screen-reader-basics"], ["screen-reader-basics"]),
          "(b) the first unmarked step is the next one (class and aria-current)", f"{next_step(driver)}")

    driver.refresh()
    open_page(driver, base)
    check(marks(driver) == TICKED and live(driver) == TICKED_TOTALS, "(c) after a reload the ticks and totals are the same",
          f"{marks(driver)} {live(driver)!r}")
    check(next_step(driver) == (["screen-reader-basics"], ["screen-reader-basics"]), "(c) the next step is marked", f"{next_step(driver)}")
    check(stored(driver) == {"v": 1, "steps": TICKED}, f"(c) localStorage {KEY} holds the marks as documented", f"{stored(driver)}")

    # A second tab open on the pathway: a tick in either shows in the other (the storage event).
    first = driver.current_window_handle
    driver.switch_to.new_window("tab")
    open_page(driver, base)
    second = driver.current_window_handle
    driver.switch_to.window(first)
    press_space(driver, box(driver, "screen-reader-basics", "skipped"))
    driver.switch_to.window(second)
    shown = wait(lambda: marks(driver).get("screen-reader-basics") == "skipped")
    press_space(driver, box(driver, "screen-reader-basics", "skipped"))
    driver.close()
    driver.switch_to.window(first)
    back = wait(lambda: marks(driver) == TICKED and live(driver) == TICKED_TOTALS)
    check(shown and back, "(c) a tick in one tab shows in another tab open on the pathway, both ways", f"{marks(driver)}")


def rebuild(driver, base, site):
    site.rewrite()
    if site.build("after"):
        driver.refresh()
        open_page(driver, base)
        expected = {"pair-audit": "done", "wcag-quickref": "done"}
        totals = "2 of 6 done · about 3.5 h left"
        check(order(driver) == AFTER, "(d) the rebuilt page has the steps in their new order", f"{order(driver)}")
        check(marks(driver) == expected, "(d) the marks follow their step ids; the added step is unmarked", f"{marks(driver)}")
        check(live(driver) == totals, f"(d) the totals count only the steps on the page: “{totals}”", repr(live(driver)))
        check(next_step(driver)[0] == ["colour-contrast"], "(d) the next step is the first unmarked one in the new order", f"{next_step(driver)}")
        check((stored(driver) or {}).get("steps", {}).get("inclusive-design-patterns") == "skipped",
              "(d) the removed step's mark is kept in storage", f"{stored(driver)}")
    site.restore()
    if site.build("before"):
        driver.refresh()
        open_page(driver, base)
        check(marks(driver) == TICKED and live(driver) == TICKED_TOTALS, "(d) the removed step, put back, has its mark again",
              f"{marks(driver)} {live(driver)!r}")


def export_and_import(driver, base, work):
    driver.execute_script("document.querySelector('details.pathway-tools > summary').click()")
    line = driver.find_element(By.CSS_SELECTOR, ".pathway-tools input[readonly]").get_property("value")
    check(line == LINE, "(e) the export line", f"got      {line!r}\n      expected {LINE!r}")
    click(driver, "Copy")
    status = driver.find_element(By.CSS_SELECTOR, ".pathway-tools [role=status]")
    said = wait(lambda: status.get_property("textContent") in ("Copied.", "Selected: copy it with your keyboard or menu."))
    check(said, "(e) Copy copies the line or selects it, and says so", repr(status.get_property("textContent")))

    fresh = browser(profile=work / "profile-fresh")
    try:
        open_page(fresh, base)
        check(marks(fresh) == {} and live(fresh) == NONE_TOTALS, "(e) a fresh profile starts with no marks", repr(live(fresh)))
        said = import_line(fresh, f"Week 48: reading and an audit. {line} More next week.")
        check(said == "Imported 3 marks.", "(e) importing the line (inside a log's text) says “Imported 3 marks.”", repr(said))
        check(marks(fresh) == TICKED and live(fresh) == TICKED_TOTALS, "(e) the fresh profile has the same marks and totals",
              f"{marks(fresh)} {live(fresh)!r}")
        before = stored(fresh)
        said = import_line(fresh, 'Pathway "Testing": 1 of 4 done [outloud-pathway testing-proficient done=unit-tests]')
        check(said == "This line is for another pathway (testing-proficient).", "(e) a line for another pathway says so", repr(said))
        check(stored(fresh) == before and marks(fresh) == TICKED, "(e) … and changes nothing")
        said = import_line(fresh, "4 of 9 done, no bracket here")
        check(said == "No progress line found." and stored(fresh) == before, "(e) text without a line says “No progress line found.”", repr(said))
        said = import_line(fresh, f"[outloud-pathway {PATHWAY} done=aria-patterns]")
        check(said == "Imported 1 mark. 1 is for a step not on this page; it is kept for when it comes back."
              and live(fresh) == TICKED_TOTALS and stored(fresh)["steps"].get("aria-patterns") == "done",
              "(e) a mark for a step not on the page is kept, not counted", f"{said!r} {live(fresh)!r}")
        fresh.refresh()
        open_page(fresh, base)
        check(marks(fresh) == TICKED, "(e) the imported marks survive a reload")
        for step, totals in [("screen-reader-basics", "3 of 6 done · 1 skipped · about 1.5 h left"),
                             ("colour-contrast", "4 of 6 done · 1 skipped · about 45 min left"),
                             ("write-up-what-you-learned-in", "5 of 6 done · 1 skipped · all done")]:
            press_space(fresh, box(fresh, step, "done"))
            check(live(fresh) == totals, f"(b) ticking {step} gives “{totals}”", repr(live(fresh)))
        check(next_step(fresh) == ([], []), "(b) with every step marked there is no next step", f"{next_step(fresh)}")
    finally:
        finish(fresh, "fresh profile")


REFUSE = {
    "getter": "Object.defineProperty(window, 'localStorage', {get: function () {"
              " throw new DOMException('The operation is insecure.', 'SecurityError'); }});",
    "quota": "Storage.prototype.setItem = function () {"
             " throw new DOMException('Quota exceeded', 'QuotaExceededError'); };",
}


def storage_refused(base):
    for name, source in REFUSE.items():
        driver = browser()
        try:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})
            open_page(driver, base)
            press_space(driver, box(driver, "wcag-quickref", "done"))
            totals = "1 of 6 done · about 4.5 h left"
            check(live(driver) == totals, f"(f) with storage refused ({name}) a tick still counts: “{totals}”", repr(live(driver)))
        finally:
            finish(driver, f"storage refused ({name})")


def accessibility(base):
    """One browser, its viewport and colour scheme emulated in turn (a browser each costs ~2 s)."""
    axe_script = str(Path(site_check.axe_core_python.__file__).parent / "axe.min.js")
    driver = browser()
    try:
        driver.get(base + PAGE)
        driver.execute_script("localStorage.setItem(arguments[0], arguments[1])", KEY,
                              '{"v":1,"steps":{"wcag-quickref":"done","pair-audit":"done","inclusive-design-patterns":"skipped"}}')
        for width in (375, 1280):
            for scheme in ("light", "dark"):
                where = f"at {width} px, {scheme}"
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                    "features": [{"name": "prefers-color-scheme", "value": scheme}]})
                driver.refresh()
                open_page(driver, base)
                driver.execute_script("document.querySelector('details.pathway-tools').open = true")
                ground = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
                check(ground == {"light": "rgb(247, 246, 243)", "dark": "rgb(20, 23, 28)"}[scheme],
                      f"(g) the page is in its {scheme} colours {where}", ground)
                results = site_check.audit(driver, axe_script)
                bad = site_check.serious(results)
                check(not bad and "error" not in results, f"(g) axe: no serious or critical violation {where}",
                      site_check.describe(bad) or results.get("error", ""))
                size = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
                check(size == [size[0], width] and size[0] <= size[1], f"(g) nothing wider than the window {where}",
                      f"{size[0]} px in {size[1]} px")
                highlight = driver.execute_script(
                    "var s = getComputedStyle(document.querySelector('.pathway-step--next'));"
                    "var l = document.querySelector('.pathway-step--next .pathway-step__next');"
                    "return [s.boxShadow, s.outlineStyle, l && l.getBoundingClientRect().width > 0]")
                check((highlight[0] != "none" or highlight[1] != "none") and highlight[2],
                      f"(g) the next step is highlighted and labelled {where}", f"{highlight}")
    finally:
        finish(driver, "accessibility")


def main():
    args = sys.argv[1:]
    pages = None
    if "--page" in args:
        at = args.index("--page")
        pages = Path(args[at + 1]).resolve()
        del args[at:at + 2]
    binary = Path(args[0] if args else ROOT / ".build/debug/outloud").resolve()
    site = Site(binary, pages)
    server = None
    try:
        if not site.build("before"):
            sys.exit("pathway: the fixture does not build; stopping here")
        page = site.output / PAGE / "index.html"
        if not check(page.is_file() and f'data-pathway="{PATHWAY}"' in page.read_text(),
                     f"the build wrote {PAGE} as a pathway page (section[data-pathway])"):
            sys.exit("pathway: no pathway page to check; stopping here")
        server, base = serve(site.output)
        phase("(a) without JavaScript", without_javascript, base, site)
        driver = browser(profile=site.work / "profile")
        try:
            phase("(b, c) tick and reload", tick_and_reload, driver, base)
            phase("(d) rebuild", rebuild, driver, base, site)
            phase("(e) export and import", export_and_import, driver, base, site.work)
        finally:
            finish(driver, "the reader's profile")
        phase("(f) storage refused", storage_refused, base)
        phase("(g) accessibility", accessibility, base)
        check(not console, "(f) no console errors", "\n      ".join(console[:5]))
        check(not search_check.outside, f"(f) nothing fetched outside {search_check.PREFIX}", f"{search_check.outside[:5]}")
    finally:
        if server:
            server.shutdown()
        shutil.rmtree(site.work, ignore_errors=True)
    print(f"pathway: {time.time() - started:.1f} s")
    if failures:
        print(f"pathway: {len(failures)} check(s) failed: " + "; ".join(failures[:8]))
        return 1
    print("pathway: all checks passed" + (f" (with the pages of {pages})" if pages else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
