#!/usr/bin/env python3
"""Screenshots of built pages in headless Chromium.

    scripts/screenshots.py SITE_URL OUT_DIR NAME=PATH [NAME=PATH ...]
        [--widths 375,1280] [--schemes light,dark]

SITE_URL is where the built site is served (an http:// URL or file:///abs/output/).
Each NAME=PATH page is opened at every width and colour scheme and saved as
OUT_DIR/NAME-WIDTH-SCHEME.png (or OUT_DIR/NAME.png with a single width and scheme).
Needs Debian's chromium and chromium-driver, and selenium from PyPI.
"""

import argparse
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def browser(width, scheme):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--force-device-scale-factor=1", f"--window-size={width},900"):
        options.add_argument(flag)
    if scheme == "dark":
        options.add_argument("--blink-settings=preferredColorScheme=0")
        options.add_argument("--force-dark-mode")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # Chromium will not make a window narrower than 500 px; emulate the viewport instead.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    return driver


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("pages", nargs="+", metavar="NAME=PATH")
    parser.add_argument("--widths", default="1280")
    parser.add_argument("--schemes", default="light")
    parser.add_argument("--full-page", action="store_true",
                        help="capture the whole page height, not only the first screen")
    args = parser.parse_args()

    widths = [int(w) for w in args.widths.split(",")]
    schemes = args.schemes.split(",")
    pages = [page.split("=", 1) for page in args.pages]
    args.out.mkdir(parents=True, exist_ok=True)
    site = args.site if args.site.endswith("/") else args.site + "/"
    single = len(widths) == 1 and len(schemes) == 1

    for width in widths:
        for scheme in schemes:
            driver = browser(width, scheme)
            try:
                for name, path in pages:
                    driver.get(site + path.lstrip("/"))
                    if args.full_page:
                        height = driver.execute_script("return document.documentElement.scrollHeight")
                        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                            "width": width, "height": min(height, 8000),
                            "deviceScaleFactor": 1, "mobile": width < 600})
                    file = args.out / (f"{name}.png" if single else f"{name}-{width}-{scheme}.png")
                    driver.save_screenshot(str(file))
                    print(file)
            finally:
                driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
