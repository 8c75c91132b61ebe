package org.arflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OverdueAtTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void dueOnDaylightSavingStart() {
        assertThat(InvoiceToCashProcess.overdueAt(LocalDate.of(2027, 3, 28), BERLIN).toInstant())
                .isEqualTo(Instant.parse("2027-03-28T22:00:00Z"));
    }

    @Test
    void dueOnDaylightSavingEnd() {
        assertThat(InvoiceToCashProcess.overdueAt(LocalDate.of(2027, 10, 31), BERLIN).toInstant())
                .isEqualTo(Instant.parse("2027-10-31T23:00:00Z"));
    }

    @Test
    void dueInUtc() {
        assertThat(InvoiceToCashProcess.overdueAt(LocalDate.of(2027, 1, 15), ZoneId.of("UTC")).toInstant())
                .isEqualTo(Instant.parse("2027-01-16T00:00:00Z"));
    }
}
