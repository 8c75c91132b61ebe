package org.arflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SendingWindowTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime FIVE_PM = LocalTime.of(17, 0);

    @Test
    void dueDayOpensAtNine() {
        Instant next = SendingWindow.next(LocalDate.of(2027, 3, 1), Instant.parse("2027-02-20T12:00:00Z"), LONDON,
                NINE, FIVE_PM);

        assertThat(next).isEqualTo(Instant.parse("2027-03-01T09:00:00Z"));
    }

    @Test
    void insideWindowGoesOutNow() {
        Instant now = Instant.parse("2027-03-01T10:30:00Z");

        assertThat(SendingWindow.next(LocalDate.of(2027, 3, 1), now, LONDON, NINE, FIVE_PM)).isEqualTo(now);
    }

    @Test
    void afterHoursOnFridayWaitsForMonday() {
        Instant next = SendingWindow.next(LocalDate.of(2027, 3, 5), Instant.parse("2027-03-05T18:00:00Z"), LONDON,
                NINE, FIVE_PM);

        assertThat(next).isEqualTo(Instant.parse("2027-03-08T09:00:00Z"));
    }

    @Test
    void weekendDueDateMovesToMonday() {
        Instant next = SendingWindow.next(LocalDate.of(2027, 3, 6), Instant.parse("2027-03-01T08:00:00Z"), LONDON,
                NINE, FIVE_PM);

        assertThat(next).isEqualTo(Instant.parse("2027-03-08T09:00:00Z"));
    }

    @Test
    void debtorZoneDecidesTheHours() {
        Instant londonMorning = Instant.parse("2027-03-01T10:00:00Z");

        Instant next = SendingWindow.next(LocalDate.of(2027, 3, 1), londonMorning, TOKYO, NINE, FIVE_PM);

        assertThat(next).as("19:00 in Tokyo is after hours").isEqualTo(Instant.parse("2027-03-02T00:00:00Z"));
    }

    @Test
    void daylightSavingStartInBerlin() {
        Instant next = SendingWindow.next(LocalDate.of(2027, 3, 28), Instant.parse("2027-03-27T12:00:00Z"), BERLIN,
                NINE, FIVE_PM);

        assertThat(next).as("Monday 09:00 CEST").isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
    }
}
