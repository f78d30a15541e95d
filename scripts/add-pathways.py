#!/usr/bin/env python3
"""Adds learning pathways to a generated benchmark corpus (../shared/bench/gen_corpus.py).

    scripts/add-pathways.py CORPUS [--count 300] [--steps 10] [--seed 7]

Writes CORPUS/pathways/pathway-NNN.md: each for one skill of skills.yml, from one Dreyfus
level to a higher one, curated by a person of people.yml, with STEPS steps named the ways
people name them: resources by file path, other notes by title as a wikilink and by slug,
now and then an earlier pathway (so there are no cycles), a free-text task; some steps
optional, some with minutes. Every step resolves, and no step is above the pathway's level
or lacks a time, so a correct build of the corpus still reports no warnings. Then gives
every third person `pathways:` in people.yml. Deterministic for a seed.
"""
import argparse
import pathlib
import random
import re

LEVELS = ["novice", "advanced-beginner", "competent", "proficient", "expert"]
KINDS = ["books", "harvests", "debates"]


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    end = text.find("\n---", 4)
    return text[4:end] if text.startswith("---\n") and end > 0 else ""


def field(yaml, name):
    match = re.search(rf"^{name}: *(.*)$", yaml, re.M)
    return match.group(1).strip().strip('"') if match else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=pathlib.Path)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = args.corpus

    skills = re.findall(r"^- id: *(\S+)", (corpus / "skills.yml").read_text(encoding="utf-8"), re.M)
    people = re.findall(r"^- id: *(\S+)", (corpus / "people.yml").read_text(encoding="utf-8"), re.M)
    # Resources by skill, with their level and a time the pathway can add up ("18h").
    resources = {}
    for path in sorted((corpus / "resources").glob("*.md")):
        yaml = front_matter(path)
        tags = re.findall(r"[\w-]+", field(yaml, "tags") or "")
        level = field(yaml, "level")
        if level in LEVELS and tags:
            resources.setdefault(tags[0], []).append((path.relative_to(corpus).as_posix(), LEVELS.index(level)))
    notes = []
    for kind in KINDS:
        for path in sorted((corpus / kind).glob("*.md")):
            title = field(front_matter(path), "title")
            if title and "[" not in title and "]" not in title and "|" not in title:
                notes.append((title, path.stem))
    # Titles that are not unique would make a wikilink ambiguous (a warning).
    counts = {}
    for title, _ in notes:
        counts[title.lower()] = counts.get(title.lower(), 0) + 1
    notes = [note for note in notes if counts[note[0].lower()] == 1]

    folder = corpus / "pathways"
    folder.mkdir(exist_ok=True)
    ids = []
    leads_to = {}
    for number in range(1, args.count + 1):
        skill = rng.choice([s for s in skills if s in resources] or skills)
        start = rng.randrange(0, 3)
        to = rng.randrange(start + 1, 5)
        pathway_id = f"pathway-{number:03d}"
        steps = []
        used = set()
        for position in range(args.steps):
            roll = rng.random()
            line = None
            fitting = [r for r in resources.get(skill, []) if r[1] <= to and r[0] not in used]
            if roll < 0.4 and fitting:
                path, _ = rng.choice(fitting)
                used.add(path)
                line = f"  - resource: {path}\n    minutes: {rng.choice([20, 45, 90, 120])}"
            elif roll < 0.75 and notes:
                title, stem = rng.choice(notes)
                if stem in used:
                    continue
                used.add(stem)
                target = f'"[[{title}]]"' if rng.random() < 0.5 else stem
                line = f"  - note: {target}"
            elif roll < 0.85 and [i for i in ids if leads_to[i] <= to]:
                earlier = rng.choice([i for i in ids if leads_to[i] <= to])
                if earlier in used:
                    continue
                used.add(earlier)
                line = f"  - pathway: {earlier}"
            else:
                line = f"  - task: Practise {skill.replace('-', ' ')} with a colleague, step {position + 1} of pathway {number}\n    minutes: 60"
            if rng.random() < 0.2:
                line += "\n    optional: true"
            if rng.random() < 0.3:
                line += f"\n    why: Step {position + 1} builds on the one before it."
            steps.append(line)
        text = (f'---\ntitle: "Pathway {number}: {skill.replace("-", " ")} from {LEVELS[start]} to {LEVELS[to]}"\n'
                f"date: 2026-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d}\n"
                f"skill: {skill}\nfrom: {LEVELS[start]}\nto: {LEVELS[to]}\ncurator: {rng.choice(people)}\n"
                "steps:\n" + "\n".join(steps) + "\n---\n"
                f"A route through what the team has read and written about {skill.replace('-', ' ')}. "
                "Work through the steps in order; the optional ones are worth it when there is time.\n")
        (folder / f"{pathway_id}.md").write_text(text, encoding="utf-8")
        ids.append(pathway_id)
        leads_to[pathway_id] = to

    # Every third person follows one or two pathways.
    lines = (corpus / "people.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    out, person = [], -1
    for line in lines:
        if line.startswith("- id:"):
            person += 1
        out.append(line)
        if line.startswith("  mentor_for:") and person % 3 == 0 and ids:
            out.append(f"  pathways: [{', '.join(rng.sample(ids, min(2, len(ids))))}]\n")
    (corpus / "people.yml").write_text("".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
