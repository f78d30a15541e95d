#!/usr/bin/env python3
"""Checks `outloud serve` in headless Chromium, as a writer previews a note.

    scripts/serve-check.py [path/to/outloud]        (default: .build/debug/outloud)

Copies content/ and themes/ to a temporary folder, starts `outloud serve` there on a free
port, opens a note, then: appends a paragraph to the note's file and waits for the open page
to show it without being reloaded by hand; breaks the note's front matter and waits for the
problems overlay naming the file; fixes it and waits for the overlay to go and the page to
show the fix. Fails on console errors other than the expected ones. Needs chromium,
chromium-driver and selenium. Exits 1 on the first failure.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = Path(__file__).resolve().parent.parent
failures = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)


def wait(predicate, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if predicate():
                return True
        except Exception:
            pass
        time.sleep(0.1)
    return False


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    binary = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".build/debug/outloud").resolve()
    work = Path(tempfile.mkdtemp(prefix="outloud-serve-check-"))
    shutil.copytree(ROOT / "content", work / "content")
    shutil.copytree(ROOT / "themes", work / "themes")
    note = work / "content/books/drive.md"
    original = note.read_text()
    port = free_port()
    server = subprocess.Popen([str(binary), "serve", "--port", str(port), "--no-git"], cwd=work,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    try:
        base = f"http://127.0.0.1:{port}/"
        check(wait(lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() is None), f"serve listens on {base}")
        driver.get(base + "books/drive/")
        check("Drive" in driver.title, f"the note opens: {driver.title}")
        driver.execute_script("window.notReloaded = true")
        time.sleep(0.5)

        note.write_text(original + "\nA paragraph added while the page was open.\n")
        changed = wait(lambda: "A paragraph added while the page was open." in driver.find_element(By.TAG_NAME, "main").text)
        check(changed, "the open page shows the edit by itself")
        check(driver.execute_script("return window.notReloaded === undefined"), "it did so by reloading (not by a hand)")

        note.write_text("---\ntitle: [unclosed\n---\nBroken.\n")
        overlay = wait(lambda: "content/books/drive.md" in driver.find_element(By.ID, "outloud-problems").text)
        check(overlay, "a broken note shows the problem over the page, with file and line")
        if overlay:
            # The counts ("1 error, 0 warnings"), then the first problem.
            for line in driver.find_element(By.ID, "outloud-problems").text.splitlines()[1:3]:
                print("      " + line[:120])

        note.write_text(original + "\nFixed again.\n")
        fixed = wait(lambda: not driver.find_elements(By.ID, "outloud-problems") and "Fixed again." in driver.find_element(By.TAG_NAME, "main").text)
        check(fixed, "fixing the file clears the overlay and shows the fix")

        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "__outloud/events" not in e["message"]]
        check(not errors, f"no console errors {errors[:2] if errors else ''}")
    finally:
        driver.quit()
        server.send_signal(2)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            failures.append("serve did not stop within 10 s of Ctrl-C")
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"{len(failures)} serve check(s) failed")
    print("serve: all checks passed")


if __name__ == "__main__":
    main()
