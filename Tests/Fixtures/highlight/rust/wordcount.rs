use std::collections::HashMap;
use std::fs;

/// Counts words per note and prints the five longest notes.
#[derive(Debug, Clone)]
struct Note<'a> {
    path: &'a str,
    words: usize,
}

fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for entry in fs::read_dir("content/books")? {
        let path = entry?.path();
        if path.extension().map_or(false, |ext| ext == "md") {
            let text = fs::read_to_string(&path)?;
            counts.insert(path.display().to_string(), count_words(&text));
        }
    }
    let mut notes: Vec<Note> = counts.iter().map(|(p, w)| Note { path: p, words: *w }).collect();
    notes.sort_by(|a, b| b.words.cmp(&a.words));
    for note in notes.iter().take(5) {
        println!("{:>6} {}", note.words, note.path);
    }
    let sep = '\n';
    let ratio: f64 = 1.5e3 / 2.0;
    println!("{}{}", ratio, sep);
    Ok(())
}
