package io.jenkins.plugins.sampleplatform.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunIdsTest {

    @ParameterizedTest
    @CsvSource({"1,1", "42,42", "' 7 ',7", "+9,9", "2147483647,2147483647", "0042,42"})
    void acceptsWholeNumbersInRange(String text, int expected) throws Exception {
        assertThat(RunIds.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "-1",
                "2147483648",
                "99999999999999999999",
                "-99999999999999999999",
                "999999999999999999999999"
            })
    void rejectsOutOfRange(String text) {
        assertThatThrownBy(() -> RunIds.parse(text))
                .isInstanceOf(InvalidRunIdException.class)
                .hasMessageContaining("out of range")
                .hasMessageContaining("1 to 2147483647");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "4 2", "1.5", "1e3", "0x10", "${RUN_ID}", "42abc"})
    void rejectsNonNumbersNamingTheValue(String text) {
        assertThatThrownBy(() -> RunIds.parse(text))
                .isInstanceOf(InvalidRunIdException.class)
                .hasMessageContaining("not a whole number")
                .hasMessageContaining(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejectsEmpty(String text) {
        assertThatThrownBy(() -> RunIds.parse(text))
                .isInstanceOf(InvalidRunIdException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> RunIds.parse(null)).isInstanceOf(InvalidRunIdException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5, 2147483648L})
    void checkRejectsOutOfRange(long id) {
        assertThatThrownBy(() -> RunIds.check(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(id));
    }
}
