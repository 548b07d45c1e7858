package io.jenkins.plugins.sampleplatform.plugincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedSecretsRuleTest {

    @TempDir
    Path folder;

    private PluginSources sources() {
        return new PluginSources(folder);
    }

    @Test
    void anActionWithPlainValuesAndACredentialsIdPasses() {
        PluginCheck.Report report = sources().java("SummaryAction", """
                        package demo;
                        import hudson.model.Run;
                        import jenkins.model.RunAction2;
                        public class SummaryAction implements RunAction2 {
                            private static final String TOKEN_HEADER = "Authorization";
                            private final int runId;
                            private final String credentialsId;
                            private final String tokenCredentialsId;
                            private final int tokenCount;
                            private transient hudson.util.Secret token;
                            private transient Run<?, ?> owner;
                            SummaryAction(int runId, String credentialsId) {
                                this.runId = runId; this.credentialsId = credentialsId; this.tokenCredentialsId = null;
                                this.tokenCount = 0;
                            }
                            public String getIconFileName() { return null; }
                            public String getDisplayName() { return "Summary"; }
                            public String getUrlName() { return "summary"; }
                            public void onAttached(Run<?, ?> r) { owner = r; }
                            public void onLoad(Run<?, ?> r) { owner = r; }
                        }
                        """).check();

        assertThat(report.findings()).isEmpty();
        assertThat(report.actions()).isEqualTo(1);
    }

    @Test
    void aSecretInARunActionIsRejected() {
        PluginCheck.Report report = sources().java("SummaryAction", """
                        package demo;
                        import hudson.util.Secret;
                        import jenkins.model.RunAction2;
                        public class SummaryAction implements RunAction2 {
                            private final Secret token;
                            SummaryAction(Secret token) { this.token = token; }
                        }
                        """).check();

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("saved-secret");
            assertThat(f.message()).contains("SummaryAction.token (Secret)", "an Action");
            assertThat(f.line()).isEqualTo(5);
        });
    }

    @Test
    void aPasswordTextInAnActionThroughAPluginSuperclassIsRejected() {
        PluginCheck.Report report =
                sources().java("BaseAction", """
                        package demo;
                        public abstract class BaseAction extends hudson.model.InvisibleAction {}
                        """).java("DbAction", """
                        package demo;
                        public class DbAction extends BaseAction {
                            private String dbPassword;
                            private char[] apiKey;
                        }
                        """).check();

        assertThat(report.findings())
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("DbAction.dbPassword (String)"))
                .anySatisfy(m -> assertThat(m).contains("DbAction.apiKey (char[])"))
                .hasSize(2);
    }

    @Test
    void aSecretKeptInAValueTheActionHoldsIsRejected() {
        PluginCheck.Report report =
                sources().java("Connection", """
                        package demo;
                        record Connection(String url, SecretText password) {}
                        """).java("SummaryAction", """
                        package demo;
                        import java.util.List;
                        public class SummaryAction implements jenkins.model.RunAction2 {
                            private final List<Connection> connections;
                            SummaryAction(List<Connection> connections) { this.connections = connections; }
                        }
                        """).check();

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("demo/Connection.java");
            assertThat(f.message()).contains("Connection.password (SecretText)", "SummaryAction.connections");
        });
    }

    @Test
    void aSecretInAFileThePluginWritesNextToAJobIsRejected() {
        PluginCheck.Report report = sources().java("History", """
                        package demo;
                        import hudson.XmlFile;
                        import java.util.List;
                        final class History {
                            static final class Entry {
                                int build;
                                String apiToken;
                            }
                            private List<Entry> entries;
                            void save(XmlFile file) throws java.io.IOException {
                                file.write(this);
                            }
                        }
                        """).check();

        assertThat(report.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("History.Entry.apiToken (String)", "History.entries"));
    }

    @Test
    void aSecretOutsideActionsIsNotThisRulesBusiness() {
        // A step or a global configuration keeps a credentials id, but Secret fields there are saved
        // encrypted by XStream's Secret converter: not a build's data.
        PluginCheck.Report report = sources().java("Config", """
                        package demo;
                        public class Config extends jenkins.model.GlobalConfiguration {
                            private hudson.util.Secret token;
                        }
                        """).check();

        assertThat(report.findings()).isEmpty();
        assertThat(report.actions()).isZero();
    }
}
