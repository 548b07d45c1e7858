package io.jenkins.plugins.sampleplatform;

/** A run with failing samples, as the platform lists them: shared by the tests of several packages. */
public final class FailingSamples {

    public static final String MISSING = "{\"data\":[{\"regression_test_id\":12,\"sample_id\":7,"
            + "\"sample_name\":\"<script>alert(1)</script>.ts\",\"status\":\"missing_output\",\"exit_code\":-11,"
            + "\"expected_rc\":0,\"runtime_ms\":10,\"command\":\"\",\"categories\":[\"Teletext\"],\"outputs\":[]}],"
            + "\"pagination\":{\"limit\":100,\"offset\":0,\"total\":1,\"next_offset\":null},\"meta\":{}}";
    public static final String FAILED =
            "{\"data\":[{\"regression_test_id\":30,\"sample_id\":130,\"sample_name\":\"b.ts\","
                    + "\"status\":\"fail\",\"exit_code\":0,\"expected_rc\":0,\"runtime_ms\":10,\"command\":\"\","
                    + "\"categories\":[\"DVB\"],\"outputs\":[{\"output_id\":930,\"filename\":\"ab30.srt\",\"status\":\"fail\"}]},"
                    + "{\"regression_test_id\":4,\"sample_id\":104,\"sample_name\":\"a.ts\",\"status\":\"fail\",\"exit_code\":1,"
                    + "\"expected_rc\":0,\"runtime_ms\":10,\"command\":\"\",\"categories\":[],\"outputs\":[]}],"
                    + "\"pagination\":{\"limit\":100,\"offset\":0,\"total\":2,\"next_offset\":null},\"meta\":{}}";
    /** 2 failed, 1 without output: the listings above. */
    public static final String RUN = """
            {"run_id": 42, "status": "fail", "total_samples": 10, "pass_count": 7, "fail_count": 2,
             "skipped_count": 0, "missing_output_count": 1, "error_count": 3, "duration_ms": 5400}
            """;

    private FailingSamples() {}
}
