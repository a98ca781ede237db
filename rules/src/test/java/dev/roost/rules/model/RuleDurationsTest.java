package dev.roost.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleDurationsTest {

    @ParameterizedTest
    @CsvSource({
            "30s, PT30S",
            "5m, PT5M",
            "1h, PT1H",
            "1h30m, PT1H30M",
            "2d, PT48H",
            "500ms, PT0.5S",
            "-15m, PT-15M",
            "0s, PT0S"})
    void readsTheNotationPeopleWrite(String text, String iso) {
        assertThat(RuleDurations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "m", "5 m", "5min", "1.5h", "PT5M", "--5m", "5m-", "99999999999999999999d"})
    void rejectsAnythingElse(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> RuleDurations.parse(text));
    }
}
