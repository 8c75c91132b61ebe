package org.arflow.rules.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.arflow.customer.credit.CreditApplication;
import org.arflow.customer.credit.CreditExposure;
import org.arflow.invoice.discount.DiscountRequest;
import org.arflow.invoice.discount.PaymentTerms;

/** Inputs shared by the benchmark and the agreement test: varied enough that no branch is always taken. */
final class BenchmarkCases {

    static final int COUNT = 16;

    private BenchmarkCases() {
    }

    static Map<String, String> countryGrades(Path ruleFolder) {
        Map<String, String> grades = new HashMap<>();
        try {
            for (String line : Files.readAllLines(ruleFolder.resolve("country-risk.csv"))) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("country,")) {
                    continue;
                }
                String[] cells = line.split(",");
                grades.put(cells[0].trim(), cells[1].trim());
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return grades;
    }

    static List<CreditApplication> applications() {
        String[] countries = {"GB", "DE", "ES", "BR"};
        return IntStream.range(0, COUNT)
                .mapToObj(index -> new CreditApplication(countries[index % 4],
                        index % 3 == 0 ? null : BigDecimal.valueOf(1000L * (index + 1)), "EUR", index % 8,
                        null, index % 2 == 0 ? "2/10 net 30" : null))
                .toList();
    }

    static int score(int index) {
        return 35 + index * 4;
    }

    static List<CreditExposure> exposures() {
        BigDecimal limit = new BigDecimal("20000");
        return IntStream.range(0, COUNT)
                .mapToObj(index -> {
                    BigDecimal open = BigDecimal.valueOf(1500L * index);
                    BigDecimal invoice = new BigDecimal("1234.25");
                    BigDecimal exposure = open.add(invoice);
                    int percent = exposure.multiply(BigDecimal.valueOf(100)).divide(limit, 0, RoundingMode.DOWN)
                            .intValue();
                    return new CreditExposure("BENCH-" + index, "B", limit, index % 7 != 0, invoice, open, exposure,
                            percent, BigDecimal.ZERO, (index * 9) % 70, index % 5 == 0 ? 2 : 0, index == 3);
                })
                .toList();
    }

    static List<DiscountRequest> discountRequests() {
        List<PaymentTerms.DiscountTier> tiered = List.of(new PaymentTerms.DiscountTier(new BigDecimal("2"), 7),
                new PaymentTerms.DiscountTier(BigDecimal.ONE, 14));
        List<PaymentTerms.DiscountTier> single = List.of(new PaymentTerms.DiscountTier(new BigDecimal("2"), 10));
        LocalDate issued = LocalDate.of(2025, 3, 3);
        return IntStream.range(0, COUNT)
                .mapToObj(index -> new DiscountRequest("BENCH-" + index, "terms",
                        tiers(index, tiered, single), issued.plusDays(index),
                        new BigDecimal("1234.25"), "EUR", index % 4 == 3 ? "D" : "A", index % 6 == 5))
                .toList();
    }

    private static List<PaymentTerms.DiscountTier> tiers(int index, List<PaymentTerms.DiscountTier> tiered,
            List<PaymentTerms.DiscountTier> single) {
        if (index % 3 == 0) {
            return tiered;
        }
        return index % 3 == 1 ? single : List.of();
    }
}
