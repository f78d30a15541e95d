#!/usr/bin/env python3
"""Records what Pygments (the reference highlighter, a test-only oracle) makes of the
snippets under Tests/Fixtures/highlight/<language>/, for HighlightOracleTests.

For every snippet it writes one line to Tests/Fixtures/highlight/expected.txt:
`<language>/<file>\t<classes>`, with one letter per character (Unicode scalar) of the
snippet: k keyword, s string, c comment, n number, o anything else, and `.` for whitespace
(not compared). `swift test` reads the recorded file and never needs Pygments; run this
script again (`python3 scripts/highlight-oracle.py`) after changing the snippets.

How Pygments' token types map to the coarse classes:
- Keyword.* and Operator.Word (Python's `and`, `not`, `in`) are keywords;
- String.* (docstrings, escapes, interpolation markers, regexes, symbols, heredocs) strings;
- Number.* numbers;
- Comment.* comments, except Comment.Preproc and Comment.PreprocFile: `#include <x.h>` and
  `<?xml … ?>` are directives, not comments (Outloud colours them as meta);
- everything else (names, operators, punctuation, Generic.* for diffs and prompts) other.
"""
import os
import sys

from pygments import __version__ as pygments_version
from pygments.lexers import get_lexer_by_name
from pygments.token import Comment, Keyword, Number, Operator, String

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "highlight")
# Folder names are Outloud's fence words; where Pygments spells a language otherwise:
PYGMENTS_NAMES = {"sh": "bash", "dockerfile": "docker"}
OPTIONS = {"php": {"startinline": True}}


def coarse(token_type):
    if token_type in Comment.Preproc or token_type in Comment.PreprocFile:
        return "o"
    if token_type in Keyword or token_type in Operator.Word:
        return "k"
    if token_type in String:
        return "s"
    if token_type in Number:
        return "n"
    if token_type in Comment:
        return "c"
    return "o"


def classes(language, text):
    name = PYGMENTS_NAMES.get(language, language)
    lexer = get_lexer_by_name(name, stripnl=False, ensurenl=False, **OPTIONS.get(language, {}))
    letters = []
    for token_type, value in lexer.get_tokens(text):
        letter = coarse(token_type)
        letters.extend("." if character.isspace() else letter for character in value)
    if len(letters) != len(text):
        sys.exit(f"{language}: Pygments gave {len(letters)} characters for {len(text)}")
    return "".join(letters)


def main():
    lines = [f"# Recorded by scripts/highlight-oracle.py with Pygments {pygments_version}; do not edit."]
    for language in sorted(os.listdir(ROOT)):
        folder = os.path.join(ROOT, language)
        if not os.path.isdir(folder):
            continue
        for file in sorted(os.listdir(folder)):
            with open(os.path.join(folder, file), encoding="utf-8", newline="") as handle:
                text = handle.read()
            lines.append(f"{language}/{file}\t{classes(language, text)}")
    with open(os.path.join(ROOT, "expected.txt"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"recorded {len(lines) - 1} snippets")


if __name__ == "__main__":
    main()
