#!/usr/bin/env python3
"""Turns a generated benchmark corpus into one where every note uses GitHub's extensions.

    scripts/gfm-corpus.py CORPUS_DIR

Rewrites, in place, every note under CORPUS_DIR (made by ../shared/bench/gen_corpus.py):
after its body it adds a table of five rows and four columns with alignment and inline
Markdown in the cells, a task list, two footnote references with their definitions, a
strikethrough, a bare `www.` link, and three fenced code blocks (Swift, Python and YAML),
so `outloud build` over it measures the cost of tables, footnotes, autolinks and the
highlighter on every note. Deterministic: the same corpus gives the same bytes.
"""
import pathlib
import sys

EXTRA = """

## Numbers we tracked[^tracked]

| Week | Deploys | Lead time | Notes |
| :--- | ---: | :---: | --- |
| W{n}1 | {a} | 2 d | *first* try with `make ship` |
| W{n}2 | {b} | 1 d | ~~manual~~ automated |
| W{n}3 | {c} | 6 h | see [the runbook](https://runbook.example/{n}) |
| W{n}4 | {d} | 4 h | **steady** |
| W{n}5 | {e} | 3 h | pairing \\| mobbing |

- [x] write it down
- [ ] share it at the guild, www.guild.example/{n}
- [ ] ask for review[^review]

```swift
struct Deploy: Sendable {{
    let id: Int
    var leadTime: Duration = .seconds({a})
    func isFast() -> Bool {{ leadTime < .seconds(3_600) }}
}}
```

```python
def lead_time(deploys: list[dict]) -> float:
    # median of the last {b} deploys
    times = sorted(d["lead"] for d in deploys[-{b}:])
    return times[len(times) // 2] if times else 0.0
```

```yaml
pipeline:
  name: "deploy-{n}"
  stages: [build, test, ship]
  retries: {c}
  notify: true
```

[^tracked]: Taken from the team's dashboard every Friday.
[^review]: Anyone on the rota can review; ask in the channel.
"""


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = pathlib.Path(sys.argv[1])
    count = 0
    for number, note in enumerate(sorted(root.rglob("*.md"))):
        n = number % 97
        extra = EXTRA.format(n=n, a=n % 13 + 1, b=n % 7 + 2, c=n % 5 + 1, d=n % 11 + 3, e=n % 17 + 4)
        with note.open("a", encoding="utf-8") as file:
            file.write(extra)
        count += 1
    print(f"{count} notes now carry a table, a task list, footnotes and three code blocks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
