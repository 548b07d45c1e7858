package io.jenkins.plugins.sampleplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The unexpected-error path: a library's message that quotes the token never reaches standard error. */
class UnexpectedErrorScrubbingTest {

    private static final String TOKEN = "spci_unexpectedPathToken_0123456789";

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Option(names = "--verbose")
        boolean verbose;

        @Override
        public Integer call() {
            // what the JDK's HttpRequest.Builder says about a header it refuses
            throw new IllegalArgumentException(
                    "invalid header value: \"Bearer " + TOKEN + "\"",
                    new IllegalStateException("cause quoting " + TOKEN));
        }
    }

    @Test
    void theMessageAndTheVerboseStackTraceAreScrubbed() {
        CliSecrets.remember(SecretText.of(TOKEN));
        for (String[] args : new String[][] {{}, {"--verbose"}}) {
            StringWriter err = new StringWriter();
            CommandLine command = new CommandLine(new Boom());
            command.setErr(new PrintWriter(err));
            command.setExecutionExceptionHandler(new UnexpectedErrorHandler());

            assertThat(command.execute(args)).isEqualTo(ExitCodes.NO_SUMMARY);
            assertThat(err.toString())
                    .startsWith("sampleplatform: could not get a summary: invalid header value")
                    .doesNotContain(TOKEN)
                    .contains("****");
        }
    }
}
