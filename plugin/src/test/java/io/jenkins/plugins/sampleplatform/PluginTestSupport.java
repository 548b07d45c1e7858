package io.jenkins.plugins.sampleplatform;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.sampleplatform.config.SamplePlatformConfiguration;
import java.io.IOException;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** Set-up shared by the plugin's tests: a token credential and the global configuration pointing at a stub. */
public final class PluginTestSupport {

    public static final String CREDENTIALS_ID = "sample-platform-token";

    public static final String FAILING_RUN = """
            {"run_id": 42, "status": "fail", "total_samples": 10, "pass_count": 8, "fail_count": 2,
             "skipped_count": 0, "missing_output_count": 0, "error_count": 2, "duration_ms": 5400}
            """;

    public static final String PASSING_RUN = """
            {"run_id": 7, "status": "pass", "total_samples": 3, "pass_count": 3, "fail_count": 0,
             "skipped_count": 0, "missing_output_count": 0, "error_count": 0, "duration_ms": 900}
            """;

    public static final String RUN_WITHOUT_OUTPUT = """
            {"run_id": 9, "status": "fail", "total_samples": 3, "pass_count": 2, "fail_count": 0,
             "skipped_count": 0, "missing_output_count": 1, "error_count": 1, "duration_ms": 900}
            """;

    /** A run id above 999: printed with grouping ("12,345") by a careless message format. */
    public static final String LARGE_RUN = """
            {"run_id": 12345, "status": "fail", "total_samples": 1200, "pass_count": 1190, "fail_count": 10,
             "skipped_count": 0, "missing_output_count": 0, "error_count": 10, "duration_ms": 5400}
            """;

    private PluginTestSupport() {}

    public static void configure(PlatformStub platform) throws IOException {
        configure(platform.baseUrl());
    }

    /** The token credential and the global configuration pointing at {@code baseUrl}. */
    public static void configure(String baseUrl) throws IOException {
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        CREDENTIALS_ID,
                        "Sample Platform token",
                        Secret.fromString(PlatformStub.TOKEN)));
        credentials.save();
        SamplePlatformConfiguration config = SamplePlatformConfiguration.get();
        config.setBaseUrl(baseUrl);
        config.setCredentialsId(CREDENTIALS_ID);
        config.setMaxWaitSeconds(60);
        config.setTotalBudgetSeconds(120);
    }
}
