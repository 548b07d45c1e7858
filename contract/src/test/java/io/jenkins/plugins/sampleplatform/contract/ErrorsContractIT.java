package io.jenkins.plugins.sampleplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.sampleplatform.api.ApiException;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.RequestGate;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.InvalidRunIdException;
import io.jenkins.plugins.sampleplatform.summary.RunNotFoundException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the real platform answers when something is wrong, and what the client and the command line make of it. */
@ExtendWith(RealPlatform.class)
class ErrorsContractIT {

    private static SamplePlatformClient client(String url, String token) {
        return SamplePlatformClient.builder(BaseUrl.parse(url), SecretText.of(token))
                .maxWait(Duration.ofSeconds(5))
                .totalBudget(Duration.ofSeconds(30))
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {PlatformServer.EXPIRED, PlatformServer.REVOKED, "invalid"})
    void anExpiredRevokedOrUnknownTokenIsUnauthorized(String kind, Platforms platforms) throws Exception {
        PlatformServer platform = platforms.sqlite();
        int run = platform.seed().run().completed().passed(1).write();
        String token = kind.equals("invalid") ? "spci_notATokenTheServerKnows0123456789abcdefgh" : platform.token(kind);

        Throwable error = catchThrowable(() -> client(platform.url(), token).fetch(run));
        assertThat(error)
                .isInstanceOf(ApiException.Unauthorized.class)
                .hasMessageContaining("HTTP 401 unauthorized")
                .hasMessageContaining("Check the credential")
                .hasMessageNotContaining(token);

        CommandLine.Outcome cli = CommandLine.summary(platform.url(), token, run);
        assertThat(cli.exitCode()).isEqualTo(6);
        assertThat(cli.all()).contains("HTTP 401").doesNotContain(token);
    }

    @Test
    void aTokenWithoutRunsReadIsForbiddenNamingTheScope(Platforms platforms) throws Exception {
        PlatformServer platform = platforms.sqlite();
        int run = platform.seed().run().completed().passed(1).write();
        Throwable error = catchThrowable(() -> client(platform.url(), platform.token(PlatformServer.RESULTS_READ))
                .fetch(run));
        assertThat(error).isInstanceOf(ApiException.Forbidden.class).hasMessageContaining("runs:read");
        assertThat(((ApiException.Forbidden) error).missingScopes()).containsExactly("runs:read");
    }

    @Test
    void aRunThatDoesNotExistIsRunNotFound(Platforms platforms) throws Exception {
        PlatformServer platform = platforms.sqlite();
        int missing = platform.seed().unusedId();
        Throwable error = catchThrowable(() ->
                client(platform.url(), platform.token(PlatformServer.RUNS_READ)).fetch(missing));
        assertThat(error)
                .isInstanceOf(RunNotFoundException.class)
                .hasMessageContaining("Run " + missing + " not found")
                .hasMessageNotContaining("no API endpoint");

        CommandLine.Outcome cli =
                CommandLine.summary(platform.url(), platform.token(PlatformServer.RUNS_READ), missing);
        assertThat(cli.exitCode()).isEqualTo(6);
        assertThat(cli.stderr()).contains("Run " + missing + " not found").doesNotContain("no API endpoint");
    }

    /**
     * Ids the client refuses before sending are the ones the platform refuses with 400: its bounds are
     * 1..2147483647, as the client's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "2147483648", "abc", "1.5"})
    void badRunIdsAreRefusedByThePlatformAndByTheClientAlike(String id, Platforms platforms) throws Exception {
        PlatformServer platform = platforms.sqlite();
        HttpResponse<String> raw = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(platform.url() + "/runs/" + id + "/summary"))
                                .header("Authorization", "Bearer " + platform.token(PlatformServer.RUNS_READ))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        // every one of them, negative and fractional ones too, is the API's own 400, not a 404 of the router
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.body()).contains("validation_error").contains("run_id");

        CommandLine.Outcome cli = CommandLine.run(
                java.util.Map.of("SAMPLEPLATFORM_TOKEN", platform.token(PlatformServer.RUNS_READ)),
                60,
                "summary",
                "--url",
                platform.url(),
                "--run",
                id);
        assertThat(cli.exitCode()).as(cli.stderr()).isEqualTo(2);
        if (id.matches("-?\\d+")) {
            long value = Long.parseLong(id);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                return;
            }
            assertThat(catchThrowable(() -> client(platform.url(), platform.token(PlatformServer.RUNS_READ))
                            .fetch((int) value)))
                    .isInstanceOf(InvalidRunIdException.class);
        }
    }

    @ParameterizedTest(name = "--url site{0}")
    @ValueSource(strings = {"", "/", "/api", "/api/v2", "/api/v1/runs"})
    void aWrongUrlPathIsReportedAsAWrongUrlNotAMissingRun(String path, Platforms platforms) throws Exception {
        PlatformServer platform = platforms.sqlite();
        int run = platform.seed().run().completed().passed(1).write();
        String url = platform.site() + path;

        Throwable error = catchThrowable(
                () -> client(url, platform.token(PlatformServer.RUNS_READ)).fetch(run));
        assertThat(error)
                .isInstanceOf(ApiException.NotFound.class)
                .isNotInstanceOf(RunNotFoundException.class)
                .hasMessageContaining("no API endpoint")
                .hasMessageContaining("/api/v1")
                .hasMessageNotContaining("proxy");

        CommandLine.Outcome cli = CommandLine.summary(url, platform.token(PlatformServer.RUNS_READ), run);
        assertThat(cli.exitCode()).isEqualTo(6);
        assertThat(cli.stderr()).contains("/api/v1").doesNotContain("Run " + run + " not found");
    }

    @Test
    void httpsToThePlatformsPlainHttpPortIsOneAttemptWithAHint(Platforms platforms) throws Exception {
        PlatformServer platform = platforms.sqlite();
        int run = platform.seed().run().completed().passed(1).write();
        String https = platform.url().replaceFirst("^http://", "https://");
        java.util.List<io.jenkins.plugins.sampleplatform.api.RetryEvent> retries =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        Throwable error = catchThrowable(() -> SamplePlatformClient.builder(
                        BaseUrl.parse(https), SecretText.of(platform.token(PlatformServer.RUNS_READ)))
                .retryListener(retries::add)
                .build()
                .fetch(run));
        assertThat(error)
                .isInstanceOf(ApiException.TransportFailure.class)
                .hasMessageContaining("does not speak TLS on this port");
        assertThat(retries).isEmpty();
    }

    /**
     * 121 requests in a minute with one token: the 121st is refused; the client waits for the window's
     * end and its retry is not refused again (the platform quotes that end truncated to the second).
     */
    @Test
    void aSpentWindowIsWaitedOutWithoutASecond429(Platforms platforms) throws Exception {
        PlatformServer platform = platforms.sqlite();
        int run = platform.seed().run().completed().passed(2).failed(1).write();
        String token = platform.freshToken();
        HttpClient http = HttpClient.newHttpClient();
        int refused = 0;
        for (int i = 0; i < 120; i++) {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(URI.create(platform.url() + "/runs/" + run + "/summary"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            refused += r.statusCode() == 429 ? 1 : 0;
        }
        assertThat(refused).as("the first 120 fit in the window").isZero();

        java.util.List<io.jenkins.plugins.sampleplatform.api.RetryEvent> waits =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        SamplePlatformClient client = SamplePlatformClient.builder(BaseUrl.parse(platform.url()), SecretText.of(token))
                .maxWait(Duration.ofSeconds(90))
                .totalBudget(Duration.ofMinutes(3))
                .requestGate(RequestGate.OPEN) // this client's own reading of the 429, not a shared gate's
                .retryListener(waits::add)
                .build();
        assertThat(client.fetch(run).totalSamples()).isEqualTo(3);
        assertThat(waits).as("one 429 (the 121st request), no second").hasSize(1);
    }
}
