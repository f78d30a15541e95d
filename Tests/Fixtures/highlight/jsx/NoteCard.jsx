import { useState } from "react";

// One card in the list of notes; folds its summary on click.
export default function NoteCard({ note, onOpen }) {
  const [open, setOpen] = useState(false);
  const words = note.words ?? 0;
  return (
    <article className="note-card" onClick={() => setOpen(!open)}>
      <h3>{note.title}</h3>
      {open && <p className="summary">{note.summary}</p>}
      <span aria-label="reading time">{Math.ceil(words / 200)} min</span>
      <button type="button" onClick={() => onOpen(note.slug)}>Read</button>
    </article>
  );
}
