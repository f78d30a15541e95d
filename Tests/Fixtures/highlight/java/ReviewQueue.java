package team.notes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes whose review date has passed, oldest first.
 */
public final class ReviewQueue {
    private static final int MAX_ITEMS = 50;
    private final List<Note> due = new ArrayList<>();

    public record Note(String path, LocalDate reviewed) {}

    @Override
    public String toString() {
        return "ReviewQueue[" + due.size() + " due]";
    }

    public void add(Note note, LocalDate today) {
        // Skip notes reviewed within the last 90 days.
        if (note.reviewed() != null && note.reviewed().plusDays(90).isAfter(today)) {
            return;
        }
        if (due.size() < MAX_ITEMS) {
            due.add(note);
        }
        char marker = '*';
        double load = due.size() / (double) MAX_ITEMS * 100.0;
        System.out.printf("%c %.1f%% full%n", marker, load);
    }
}
