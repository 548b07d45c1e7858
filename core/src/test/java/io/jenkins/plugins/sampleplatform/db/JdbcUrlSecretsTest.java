package io.jenkins.plugins.sampleplatform.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlSecretsTest {

    @Test
    void findsPasswordsInQueriesOptionsAndUserInformation() {
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:mariadb://db:3306/sp?user=ro&password=hunter2"))
                .contains("password");
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:mysql://db/sp?PASSWORD=x")).contains("PASSWORD");
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:mariadb://db/sp?user=ro&pwd=x"))
                .contains("pwd");
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:mariadb://db/sp;password=x"))
                .contains("password");
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:mariadb://db/sp?trustStorePassword=x"))
                .contains("trustStorePassword");
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:mariadb://ro:hunter2@db:3306/sp"))
                .contains("user:password@");
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:sqlite:/var/db.sqlite?password=x"))
                .contains("password");
    }

    @Test
    void acceptsUrlsWithoutPasswordAndNeverReturnsTheSecret() {
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:mariadb://db:3306/sample_platform?user=ro&useSsl=true"))
                .isEmpty();
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:mariadb://ro@db:3306/sp")).isEmpty();
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:mysql://db/sp?passwordCharacterEncoding=UTF-8"))
                .as("an option about passwords, not a password")
                .isEmpty();
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:sqlite:/srv/password-db/platform.db"))
                .isEmpty();
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:mariadb://[::1]:3306/sp")).isEmpty();
        assertThat(JdbcUrlSecrets.passwordPart(null)).isEmpty();
        assertThat(JdbcUrlSecrets.passwordPart("jdbc:mariadb://db/sp?password=hunter2")
                        .orElseThrow())
                .doesNotContain("hunter2");
    }
}
