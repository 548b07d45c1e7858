package io.jenkins.plugins.sampleplatform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {

    private static final String TOKEN = "spci_A3m6xiQEmaDS4yhhZ6IzSQsCCUpsZm94";
    private static final String PASSWORD = "db-pass-Xy7!";

    private final SecretScrubber scrubber = SecretScrubber.of(SecretText.of(TOKEN), SecretText.of(PASSWORD), null);

    @Test
    void replacesEverySecretInAText() {
        assertThat(scrubber.scrub("token " + TOKEN + " and password " + PASSWORD + ", again " + TOKEN))
                .isEqualTo("token **** and password ****, again ****");
        assertThat(scrubber.scrub((String) null)).isNull();
        assertThat(SecretScrubber.NONE.scrub("as is")).isEqualTo("as is");
    }

    @Test
    void replacesTheLinesOfASecretThatSpansLinesOrHoldsControlCharacters() {
        String first = "spci_firstLine0123";
        String second = "comment-second-line";
        SecretScrubber torn = SecretScrubber.of(SecretText.of(first + "\n" + second + "\u001bend"));
        // a library quotes a header value up to the character it cannot carry, or escapes it
        assertThat(torn.scrub("invalid header value: \"Bearer " + first + "\"")).doesNotContain(first);
        assertThat(torn.scrub("value " + first + "\\n" + second))
                .doesNotContain(first)
                .doesNotContain(second);
    }

    @Test
    void scrubsAnExceptionChainKeepingClassesAndStackTraces() throws Exception {
        IllegalStateException root = new IllegalStateException("root " + PASSWORD);
        Exception middle = new java.io.IOException("middle " + TOKEN, root);
        RuntimeException top = new IllegalArgumentException("invalid header value: \"Bearer " + TOKEN + "\"", middle);
        top.addSuppressed(new RuntimeException("suppressed " + TOKEN));

        Throwable clean = scrubber.scrub(top);
        assertThat(clean.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(clean.toString()).startsWith("java.lang.IllegalArgumentException: invalid header value");
        String printed = scrubber.stackTrace(clean);
        assertThat(printed).contains("java.io.IOException: middle ****", "java.lang.IllegalStateException: root ****");
        assertThat(printed).contains("suppressed ****");
        for (Throwable t = clean; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(TOKEN).doesNotContain(PASSWORD);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(clean);
        }
        String serialized = bytes.toString(StandardCharsets.ISO_8859_1);
        assertThat(serialized).doesNotContain(TOKEN).doesNotContain(PASSWORD);
        assertThat(scrubber.stackTrace(top)).doesNotContain(TOKEN).doesNotContain(PASSWORD);
    }
}
