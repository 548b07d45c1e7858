package io.jenkins.plugins.sampleplatform.api;

import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import io.jenkins.plugins.sampleplatform.summary.SummaryException;
import io.jenkins.plugins.sampleplatform.summary.SummarySource;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Reads run summaries from the Sample Platform REST API: {@code GET {base}/runs/{runId}/summary}
 * with a bearer token, retrying with back-off where a retry can help.
 */
public final class SamplePlatformClient implements SummarySource {

    private SamplePlatformClient(Builder builder) {
        throw new UnsupportedOperationException("issue 2");
    }

    /** Starts a client for {@code baseUrl} authenticating with {@code token}. */
    public static Builder builder(BaseUrl baseUrl, SecretText token) {
        return new Builder(baseUrl, token);
    }

    @Override
    public RunSummary fetch(int runId) throws SummaryException, InterruptedException {
        throw new UnsupportedOperationException("issue 2");
    }

    @Override
    public String describe() {
        throw new UnsupportedOperationException("issue 2");
    }

    /** Configures a {@link SamplePlatformClient}. */
    public static final class Builder {
        private Builder(BaseUrl baseUrl, SecretText token) {
        }

        /** The HTTP client to use (the plugin passes the one Jenkins builds from its proxy settings). */
        public Builder httpClient(HttpClient httpClient) {
            return this;
        }

        /** Time to establish a connection (default 10 s); used when the client builds its own HttpClient. */
        public Builder connectTimeout(Duration timeout) {
            return this;
        }

        /** Time for one request, headers and body (default 30 s). */
        public Builder requestTimeout(Duration timeout) {
            return this;
        }

        /** The longest single wait before a retry (default 60 s). */
        public Builder maxWait(Duration maxWait) {
            return this;
        }

        /** The whole call's time budget, waits included (default 5 min). */
        public Builder totalBudget(Duration budget) {
            return this;
        }

        /** Told about every wait. */
        public Builder retryListener(RetryListener listener) {
            return this;
        }

        public SamplePlatformClient build() {
            return new SamplePlatformClient(this);
        }
    }
}
