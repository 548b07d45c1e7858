package io.jenkins.plugins.sampleplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.SamplePlatformClient;
import io.jenkins.plugins.sampleplatform.db.DatabaseFailureSource;
import io.jenkins.plugins.sampleplatform.db.DatabaseSummarySource;
import io.jenkins.plugins.sampleplatform.failures.FailureList;
import io.jenkins.plugins.sampleplatform.failures.SampleFailure;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import io.jenkins.plugins.sampleplatform.summary.RunSummary;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DB mode against the real platform on the same database: for every seeded scenario, on SQLite and on
 * MariaDB with the platform's own schema, the summary equals the platform's {@code /summary} field for
 * field, and the failure list has the regression test ids, statuses and totals of its
 * {@code /samples?status=missing_output} and {@code ?status=fail} listings.
 */
@ExtendWith(RealPlatform.class)
class DatabaseModeContractIT {

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("io.jenkins.plugins.sampleplatform.contract.SummaryContractIT#scenarios")
    void dbModeGivesWhatThePlatformGives(
            PlatformDatabase.Engine engine, SummaryContractIT.Scenario scenario, Platforms platforms) throws Exception {
        PlatformServer platform = platforms.on(engine);
        int run = scenario.seed().apply(platform.seed()).write();
        String token = platform.token(PlatformServer.RUNS_READ);

        RunSummary expected = SamplePlatformClient.builder(BaseUrl.parse(platform.url()), SecretText.of(token))
                .build()
                .fetch(run);
        RunSummary actual = new DatabaseSummarySource(platform.database().settings()).fetch(run);
        assertThat(actual).isEqualTo(expected);

        FailureList failures = new DatabaseFailureSource(platform.database().settings()).failures(run, 100);
        JsonNode missing = samples(platform, token, run, "missing_output");
        JsonNode failed = samples(platform, token, run, "fail");
        assertThat(failures.missingOutputTotal())
                .isEqualTo(missing.path("pagination").path("total").asInt());
        assertThat(failures.failTotal())
                .isEqualTo(failed.path("pagination").path("total").asInt());
        List<String> platformEntries = new ArrayList<>();
        for (JsonNode listing : List.of(missing, failed)) {
            listing.path("data")
                    .forEach(item ->
                            platformEntries.add(item.path("regression_test_id").asInt() + " "
                                    + SampleStatus.fromWire(item.path("status").asText()) + " exit "
                                    + item.path("exit_code").asText() + "/"
                                    + item.path("expected_rc").asText()));
        }
        assertThat(failures.entries().stream()
                        .map(DatabaseModeContractIT::describe)
                        .toList())
                .isEqualTo(platformEntries);
    }

    private static String describe(SampleFailure f) {
        return f.regressionTestId() + " " + f.status() + " exit " + f.exitCode() + "/" + f.expectedRc();
    }

    private static JsonNode samples(PlatformServer platform, String token, int run, String status) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        platform.url() + "/runs/" + run + "/samples?limit=100&status=" + status))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
