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

    /**
     * The version, commit and build date the build wrote into the jar's manifest ({@code Implementation-Version},
     * {@code Build-Commit}, {@code Build-Date}): {@code sampleplatform 1.2 (commit 0123456789ab, built
     * 2026-12-06T13:00:00Z)}.
     */
    static final class JarVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SamplePlatformCli.class.getPackage().getImplementationVersion();
            if (version == null) {
                return new String[] {"sampleplatform (development build)"};
            }
            java.util.jar.Attributes manifest = manifest();
            String commit = manifest == null ? null : manifest.getValue("Build-Commit");
            String date = manifest == null ? null : manifest.getValue("Build-Date");
            return new String[] {
                "sampleplatform " + version + " (commit " + (commit == null ? "unknown" : commit) + ", built "
                        + (date == null ? "at an unknown date" : date) + ")"
            };
        }

        private static java.util.jar.Attributes manifest() {
            try (java.io.InputStream in = SamplePlatformCli.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
                return in == null ? null : new java.util.jar.Manifest(in).getMainAttributes();
            } catch (java.io.IOException e) {
                return null;
            }
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
