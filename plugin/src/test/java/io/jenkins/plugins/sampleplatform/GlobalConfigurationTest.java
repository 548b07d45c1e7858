package io.jenkins.plugins.sampleplatform;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class GlobalConfigurationTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void readsConfigurationAsCodeAndSurvivesTheFormRoundTrip(JenkinsConfiguredWithCodeRule r) throws Exception {
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        assertThat(config.getBaseUrl()).isEqualTo("https://platform.example.org/api/v1");
        assertThat(config.getCredentialsId()).isEqualTo("sample-platform-token");
        assertThat(config.getMaxWaitSeconds()).isEqualTo(45);
        assertThat(config.getDefaultSource()).isEqualTo("database");
        assertThat(config.getJdbcUrl()).isEqualTo("jdbc:mariadb://db.example.org:3306/sample_platform");

        r.configRoundtrip();
        SamplePlatformConfiguration after = SamplePlatformConfiguration.get();
        assertThat(after.getBaseUrl()).isEqualTo("https://platform.example.org/api/v1");
        assertThat(after.getTotalBudgetSeconds()).isEqualTo(600);
        assertThat(after.getDbCredentialsId()).isEqualTo("sample-platform-db");
    }
}
