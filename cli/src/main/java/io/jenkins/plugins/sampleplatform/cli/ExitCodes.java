package io.jenkins.plugins.sampleplatform.cli;

import io.jenkins.plugins.sampleplatform.verdict.BuildResult;

/** The command's exit codes: scripts branch on them. */
final class ExitCodes {

    static final int SUCCESS = 0;
    static final int UNSTABLE = 1;
    static final int USAGE = 2;
    static final int FAILURE = 3;
    static final int NOT_BUILT = 4;
    static final int ABORTED = 5;
    static final int NO_SUMMARY = 6;
    /** 128 + SIGINT, as shells report a Ctrl-C. */
    static final int INTERRUPTED = 130;

    /** For {@code --help}. */
    static final String TABLE = """
            Exit codes:
                  0  the verdict is SUCCESS
                  1  the verdict is UNSTABLE (by default: some samples failed)
                  2  bad usage (unknown option, bad run id, missing token...)
                  3  the verdict is FAILURE (by default: samples without output)
                  4  the verdict is NOT_BUILT (the run has not finished), or --wait
                     timed out
                  5  the verdict is ABORTED
                  6  no summary could be had (server, network, database, token);
                     the reason is on standard error
                130  interrupted (Ctrl-C)""";

    /** For {@code --help}: where the secrets come from, in lines that fit 80 columns. */
    static final String SECRETS = """
            Secrets never come from an argument:
                  the API token from --token-file or SAMPLEPLATFORM_TOKEN,
                  the database password from --db-password-file or
                  SAMPLEPLATFORM_DB_PASSWORD.""";

    private ExitCodes() {}

    static int of(BuildResult result) {
        return switch (result) {
            case SUCCESS -> SUCCESS;
            case UNSTABLE -> UNSTABLE;
            case FAILURE -> FAILURE;
            case NOT_BUILT -> NOT_BUILT;
            case ABORTED -> ABORTED;
        };
    }
}
