package io.jenkins.plugins.sampleplatform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(config.isAllowJobBaseUrl()).isTrue();

        r.configRoundtrip();
        SamplePlatformConfiguration after = SamplePlatformConfiguration.get();
        assertThat(after.getBaseUrl()).isEqualTo("https://platform.example.org/api/v1");
        assertThat(after.getTotalBudgetSeconds()).isEqualTo(600);
        assertThat(after.getDbCredentialsId()).isEqualTo("sample-platform-db");
        assertThat(after.isAllowJobBaseUrl()).isTrue();
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void exportsWhatItImports(JenkinsConfiguredWithCodeRule r) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode exported = Util.getUnclassifiedRoot(context).get("samplePlatform");
        String yaml = Util.toYamlString(exported);
        assertThat(yaml)
                .contains("baseUrl: \"https://platform.example.org/api/v1\"")
                .contains("allowJobBaseUrl: true")
                .contains("jdbcUrl: \"jdbc:mariadb://db.example.org:3306/sample_platform\"")
                .contains("dbCredentialsId: \"sample-platform-db\"")
                .doesNotContainIgnoringCase("password");

        // Import the export into a reset configuration: the same values come back.
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        config.setAllowJobBaseUrl(false);
        config.setMaxWaitSeconds(1);
        Path file = Files.createTempFile(r.jenkins.getRootDir().toPath(), "export", ".yml");
        Files.writeString(file, "unclassified:\n  samplePlatform:\n" + yaml.indent(4), StandardCharsets.UTF_8);
        ConfigurationAsCode.get().configure(file.toString());
        assertThat(config.isAllowJobBaseUrl()).isTrue();
        assertThat(config.getMaxWaitSeconds()).isEqualTo(45);
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void aJdbcUrlWithAPasswordIsRefused(JenkinsConfiguredWithCodeRule r, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(
                file,
                "unclassified:\n  samplePlatform:\n"
                        + "    jdbcUrl: \"jdbc:mariadb://db.example.org/sp?user=ro&password=hunter2\"\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ConfigurationAsCode.get().configure(file.toString()))
                .hasStackTraceContaining("holds a password");
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        assertThat(config.getJdbcUrl()).isEqualTo("jdbc:mariadb://db.example.org:3306/sample_platform");
        assertThat(config.doCheckJdbcUrl("jdbc:mariadb://ro:hunter2@db.example.org/sp")
                        .getMessage())
                .contains("holds a password")
                .doesNotContain("hunter2");
        assertThat(Files.readString(
                        new File(r.jenkins.getRootDir(), SamplePlatformConfiguration.class.getName() + ".xml")
                                .toPath()))
                .doesNotContain("hunter2");
    }
}
