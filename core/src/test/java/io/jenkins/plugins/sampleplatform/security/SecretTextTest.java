package io.jenkins.plugins.sampleplatform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTextTest {

    @Test
    void neverShowsTheValue() {
        SecretText token = SecretText.of("spci_secret123");
        assertThat(token.toString()).doesNotContain("spci_secret123").isEqualTo("****");
        assertThat(String.valueOf(token)).doesNotContain("secret");
        assertThat(token.reveal()).isEqualTo("spci_secret123");
    }

    @Test
    void scrubsEchoedValues() {
        SecretText token = SecretText.of("spci_secret123");
        assertThat(token.scrub("bad token spci_secret123, again spci_secret123"))
                .isEqualTo("bad token ****, again ****");
        assertThat(token.scrub(null)).isNull();
        assertThat(SecretText.of("").scrub("text")).isEqualTo("text");
        assertThat(SecretText.of("").isEmpty()).isTrue();
    }
}
