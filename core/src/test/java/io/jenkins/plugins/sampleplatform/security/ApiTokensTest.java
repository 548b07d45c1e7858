package io.jenkins.plugins.sampleplatform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTokensTest {

    private static final String TOKEN = "spci_A3m6xiQEmaDS4yhhZ6IzSQsCCUpsZm94-2zAnXE7Ge4";

    @ParameterizedTest
    @ValueSource(strings = {"", "\uFEFF", "\n", "  \r\n", "\t"})
    void anEmptyTokenIsRefusedNamingItsOrigin(String raw) {
        assertThat(catchThrowable(() -> ApiTokens.read(raw, "the file /tmp/token")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the file /tmp/token")
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s", "\uFEFF%s", "%s\n", "%s\r\n", "  %s  ", "\uFEFF%s\r\n"})
    void aByteOrderMarkAndSurroundingWhiteSpaceAreDropped(String template) {
        assertThat(ApiTokens.read(template.formatted(TOKEN), "SAMPLEPLATFORM_TOKEN")
                        .reveal())
                .isEqualTo(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "%s\n# my token for the CI",
                "%s\nsecond-line",
                "%s\r\n%s",
                "spci_abc\u001b[31m%s",
                "%s\u0000",
                "spci_\u00e9%s",
                "%s\u00a0x",
                "spci_abc\rdef%s",
                "%s \u200bx",
                "\uFEFF\uFEFF%s"
            })
    void anythingElseOutsideVisibleAsciiIsRefusedWithoutTheValue(String template) {
        String raw = template.formatted(TOKEN, TOKEN);
        Throwable error = catchThrowable(() -> ApiTokens.read(raw, "SAMPLEPLATFORM_TOKEN"));
        assertThat(error)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SAMPLEPLATFORM_TOKEN")
                .hasMessageNotContaining(TOKEN)
                .hasMessageNotContaining("spci_");
        assertThat(error.getMessage()).matches("\\p{Print}+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s\nx", "a b"})
    void isWellFormedAgreesWithRead(String template) {
        assertThat(ApiTokens.isWellFormed(SecretText.of(template.formatted(TOKEN))))
                .isFalse();
        assertThat(ApiTokens.isWellFormed(SecretText.of(TOKEN))).isTrue();
    }
}
