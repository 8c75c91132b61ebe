package org.arflow.dunning;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a dunning message may go out: on a business day (Monday to Friday) within the sending hours, in the
 * customer's time zone.
 */
final class SendingWindow {

    private SendingWindow() {
    }

    // NOTE: public holidays are not taken into account; only Saturdays and Sundays are skipped.
    /** Returns the first instant at or after both {@code now} and the start of {@code dueOn} that is open. */
    static Instant next(LocalDate dueOn, Instant now, ZoneId zone, LocalTime from, LocalTime until) {
        ZonedDateTime earliest = dueOn.atTime(from).atZone(zone);
        ZonedDateTime candidate = now.atZone(zone).isAfter(earliest) ? now.atZone(zone) : earliest;
        while (true) {
            LocalTime time = candidate.toLocalTime();
            if (isWeekend(candidate.getDayOfWeek()) || !time.isBefore(until)) {
                candidate = candidate.toLocalDate().plusDays(1).atTime(from).atZone(zone);
            } else if (time.isBefore(from)) {
                candidate = candidate.toLocalDate().atTime(from).atZone(zone);
            } else {
                return candidate.toInstant();
            }
        }
    }

    private static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
