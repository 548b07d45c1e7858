package io.jenkins.plugins.sampleplatform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sampleplatform} command: a Sample Platform run's verdict from any shell or CI. */
@Command(
        name = "sampleplatform",
        mixinStandardHelpOptions = true,
        versionProvider = SamplePlatformCli.JarVersion.class,
        description = "Turns a CCExtractor Sample Platform regression run into a verdict.",
        subcommands = {SummaryCommand.class, RunCommand.class, CommandLine.HelpCommand.class})
public final class SamplePlatformCli {

    /** The version the build wrote into the jar's manifest ({@code Implementation-Version}). */
    static final class JarVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SamplePlatformCli.class.getPackage().getImplementationVersion();
            return new String[] {"sampleplatform " + (version != null ? version : "(development build)")};
        }
    }

    public static void main(String[] args) {
        QuietLogging.install(java.util.Arrays.asList(args).contains("--verbose"));
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCodes}). */
    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new SamplePlatformCli());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // One clear line and a hint, not the whole usage text: the reason must not drown.
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            CommandLine command = error.getCommandLine();
            command.getErr()
                    .println("sampleplatform: " + CliSecrets.scrubber().scrub(CliWording.of(error.getMessage())));
            command.getErr()
                    .println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            command.getErr().flush();
            return ExitCodes.USAGE;
        });
        // Anything unforeseen (say, a demo database that cannot be created) is "no summary", not a
        // stack trace with exit code 1, which scripts would read as UNSTABLE.
        commandLine.setExecutionExceptionHandler(new UnexpectedErrorHandler());
        return commandLine.execute(args);
    }
}
