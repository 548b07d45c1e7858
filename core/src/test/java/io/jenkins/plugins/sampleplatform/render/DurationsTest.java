package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '=',
            value = {
                "0 = 0 ms",
                "999 = 999 ms",
                "1000 = 1.0 s",
                "12345 = 12.3 s",
                "59999 = 59.9 s",
                "60000 = 1 min",
                "62000 = 1 min 2 s",
                "3599999 = 59 min 59 s",
                "3600000 = 1 h",
                "7380000 = 2 h 3 min",
                "86400000 = 1 d",
                "97200000 = 1 d 3 h",
                "9223372036854775807 = 106751991167 d 7 h"
            })
    void readsLikeAPersonWouldSayIt(long millis, String expected) {
        assertThat(Durations.format(millis)).isEqualTo(expected);
    }

    @Test
    void saysWhenThereIsNoDuration() {
        assertThat(Durations.format(null)).isEqualTo("not reported");
    }
}
