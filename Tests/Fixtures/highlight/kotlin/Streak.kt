package team.notes

import java.time.LocalDate

/** A person's streak of weeks with at least one learning log. */
data class Streak(val person: String, val weeks: Int = 0)

fun streakOf(person: String, logDates: List<LocalDate>, today: LocalDate): Streak {
    val weeks = logDates
        .map { it.toEpochDay() / 7 }
        .toSortedSet()
        .reversed()
    var count = 0
    var expected = today.toEpochDay() / 7
    for (week in weeks) {
        if (week != expected) break
        count++
        expected--
    }
    return Streak(person, count)
}

fun main() {
    val dates = listOf(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 23))
    val streak = streakOf("amara", dates, LocalDate.of(2026, 12, 3))
    println("${streak.person}: ${streak.weeks} weeks, $streak")
    val label = when {
        streak.weeks >= 4 -> "on fire"
        streak.weeks > 0 -> 'k'.toString()
        else -> null
    }
}
