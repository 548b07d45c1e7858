package io.jenkins.plugins.sampleplatform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A summary costs the same four statements whatever the run's size, and the failure list one more: no
 * query per sample.
 */
class RoundTripsTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void fourStatementsForASmallAndALargeRun(TestDatabase.Engine engine) throws Exception {
        PlatformRows rows = new PlatformRows();
        rows.run(1, "completed").run(2, "completed");
        for (int sample = 1; sample <= 300; sample++) {
            rows.sample(sample, true).output(10_000 + sample, sample, false, "h" + sample);
            rows.result(2, sample).file(2, sample, 10_000 + sample, sample % 7 == 0 ? "bad" : null);
        }
        rows.result(1, 1);
        try (TestDatabase database = TestDatabase.create(engine, directory)) {
            rows.writeTo(database.connection);
            DatabaseSummarySource source = new DatabaseSummarySource(database.settings);
            DatabaseFailureSource failures = new DatabaseFailureSource(database.settings);
            AtomicInteger statements = new AtomicInteger();
            Connection counting = (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare")
                                || method.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                        }
                        return method.invoke(database.connection, args);
                    });
            for (int run : new int[] {1, 2}) {
                statements.set(0);
                source.summarize(counting, run);
                assertThat(statements).as("summary statements for run %d", run).hasValue(4);
                statements.set(0);
                failures.failures(counting, run, 100);
                assertThat(statements)
                        .as("failure-list statements for run %d", run)
                        .hasValue(5);
            }
            assertThat(source.fetch(2).failCount()).isEqualTo(42);
            assertThat(failures.failures(2, 100).entries()).hasSize(42);
        }
    }
}
