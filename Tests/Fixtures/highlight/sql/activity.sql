-- Notes per person per month, for the activity chart.
SELECT p.name,
       date_trunc('month', n.published_at) AS month,
       COUNT(*) AS notes,
       SUM(n.word_count) AS words
FROM notes n
JOIN people p ON p.id = n.author_id
WHERE n.draft = FALSE
  AND n.published_at >= NOW() - INTERVAL '12 months'
GROUP BY p.name, month
HAVING COUNT(*) > 1
ORDER BY month DESC, notes DESC
LIMIT 100;

/* Tags that no note uses any more. */
DELETE FROM tags t
WHERE NOT EXISTS (SELECT 1 FROM note_tags nt WHERE nt.tag_id = t.id);

CREATE TABLE reviews (
    id SERIAL PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    reviewer VARCHAR(80) NOT NULL,
    score NUMERIC(3, 1) DEFAULT 0.0,
    comment TEXT DEFAULT 'It''s fine'
);

INSERT INTO reviews (note_id, reviewer, score) VALUES (42, 'jonas', 4.5);
