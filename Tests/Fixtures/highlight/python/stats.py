"""Reading statistics for the team's notes."""
from collections import Counter
from dataclasses import dataclass, field
import re

WORD = re.compile(r"[\w']+")


@dataclass
class Note:
    path: str
    text: str
    tags: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(WORD.findall(self.text))


def top_tags(notes, limit=5):
    # Most used tags first; ties by name.
    counts = Counter(tag for note in notes for tag in note.tags)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


if __name__ == "__main__":
    notes = [Note("books/drive.md", "Autonomy, mastery and purpose.", ["motivation"])]
    total = sum(note.words for note in notes)
    print(f"{len(notes)} notes, {total} words, {total / 200:.1f} minutes")
    assert total > 0 and not None in notes, 'empty corpus'
