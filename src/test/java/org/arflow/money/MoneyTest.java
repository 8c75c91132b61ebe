package org.arflow.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @Test
    void roundsHalfUpToMinorUnit() {
        assertThat(Money.rounded(new BigDecimal("24.685"), EUR).amount()).isEqualByComparingTo("24.69");
        assertThat(Money.rounded(new BigDecimal("24.684"), EUR).amount()).isEqualByComparingTo("24.68");
        assertThat(Money.rounded(new BigDecimal("100.5"), JPY).amount()).isEqualByComparingTo("101");
        assertThat(Money.rounded(new BigDecimal("1.0005"), BHD).amount()).isEqualByComparingTo("1.001");
    }

    @Test
    void exactRejectsMoreDecimalsThanCurrencyAllows() {
        assertThatThrownBy(() -> Money.exact(new BigDecimal("10.001"), EUR))
                .hasMessageContaining("10.001 has more decimals than EUR allows (2)");
        assertThatThrownBy(() -> Money.exact(new BigDecimal("5.5"), JPY)).hasMessageContaining("JPY");
    }

    @Test
    void exactAcceptsTrailingZeros() {
        assertThat(Money.exact(new BigDecimal("12.500"), EUR).amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.exact(new BigDecimal("7"), BHD).amount()).isEqualTo(new BigDecimal("7.000"));
    }

    @Test
    void refusesToMixCurrencies() {
        Money euros = Money.exact(BigDecimal.ONE, EUR);
        Money yen = Money.exact(BigDecimal.ONE, JPY);

        assertThatThrownBy(() -> euros.plus(yen)).hasMessageContaining("cannot combine EUR with JPY");
        assertThatThrownBy(() -> euros.compareTo(yen)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesOnlyIsoCodes() {
        assertThat(Currencies.parse("GBP")).contains(Currency.getInstance("GBP"));
        assertThat(Currencies.parse("gbp")).isEmpty();
        assertThat(Currencies.parse("XYZ")).isEmpty();
        assertThat(Currencies.parse(null)).isEmpty();
    }
}
