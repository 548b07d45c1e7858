package io.jenkins.plugins.sampleplatform.plugincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebMethodRuleTest {

    @TempDir
    Path folder;

    private static final String IMPORTS = """
            package demo;
            import hudson.model.*;
            import hudson.util.*;
            import jenkins.model.Jenkins;
            import org.kohsuke.stapler.*;
            import org.kohsuke.stapler.verb.POST;
            import org.kohsuke.stapler.verb.GET;
            import org.kohsuke.stapler.interceptor.RequirePOST;
            """;

    private PluginCheck.Report check(String name, String body) {
        return new PluginSources(folder).java(name, IMPORTS + body).check();
    }

    @Test
    void aPostFormMethodThatChecksAPermissionPasses() {
        PluginCheck.Report report = check("Config", """
                public class Config extends Descriptor<Config> {
                    @POST
                    public FormValidation doCheckUrl(@QueryParameter String value) {
                        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
                        return FormValidation.ok();
                    }
                    @RequirePOST
                    public HttpResponse doReset(StaplerRequest2 request) {
                        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
                        return HttpResponses.ok();
                    }
                }
                """);

        assertThat(report.findings()).isEmpty();
        assertThat(report.webMethods()).isEqualTo(2);
    }

    @Test
    void aFormMethodWithoutPostIsRejected() {
        PluginCheck.Report report = check("Config", """
                public class Config extends Descriptor<Config> {
                    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item) {
                        item.checkPermission(Item.CONFIGURE);
                        return new ListBoxModel();
                    }
                }
                """);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("web-method-post");
            assertThat(f.message()).contains("Config.doFillCredentialsIdItems");
            assertThat(f.file()).isEqualTo("demo/Config.java");
            assertThat(f.line()).isEqualTo(10);
        });
    }

    @Test
    void aPostMethodWithoutAPermissionCheckIsRejected() {
        PluginCheck.Report report = check("Config", """
                public class Config extends Descriptor<Config> {
                    @POST
                    public FormValidation doTestConnection(@QueryParameter String url) {
                        return FormValidation.ok("reached " + url);
                    }
                }
                """);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("web-method-permission");
            assertThat(f.message()).contains("Config.doTestConnection");
        });
    }

    @Test
    void aPermissionCheckInAHelperOfThePluginCounts() {
        PluginCheck.Report report = new PluginSources(folder)
                .java("Forms", IMPORTS + """
                        final class Forms {
                            static boolean canConfigure(Item item) {
                                return item.hasPermission(Item.CONFIGURE);
                            }
                            static ListBoxModel items(Item item) {
                                return canConfigure(item) ? new ListBoxModel() : new ListBoxModel();
                            }
                        }
                        """)
                .java("Step", IMPORTS + """
                        public class Step {
                            public static class DescriptorImpl extends Descriptor<Step> {
                                @POST
                                public ListBoxModel doFillSourceItems(@AncestorInPath Item item) {
                                    return Forms.items(item);
                                }
                                @POST
                                public FormValidation doCheckRunId(@AncestorInPath Item item, @QueryParameter String value) {
                                    return local(item);
                                }
                                private FormValidation local(Item item) {
                                    item.checkPermission(Item.CONFIGURE);
                                    return FormValidation.ok();
                                }
                            }
                        }
                        """)
                .check();

        assertThat(report.findings()).isEmpty();
        assertThat(report.webMethods()).isEqualTo(2);
    }

    @Test
    void aPermissionCheckInAHelperReachedThroughAFieldOrParameterCounts() {
        PluginCheck.Report report = new PluginSources(folder)
                .java("Forms", IMPORTS + """
                        final class Forms {
                            ListBoxModel items(Item item) {
                                item.checkPermission(Item.CONFIGURE);
                                return new ListBoxModel();
                            }
                        }
                        """)
                .java("Step", IMPORTS + """
                        public class Step {
                            public static class DescriptorImpl extends Descriptor<Step> {
                                private final Forms forms = new Forms();
                                @POST
                                public ListBoxModel doFillSourceItems(@AncestorInPath Item item) {
                                    return forms.items(item);
                                }
                                @POST
                                public ListBoxModel doFillResultItems(@AncestorInPath Item item) {
                                    Forms local = new Forms();
                                    return local.items(item);
                                }
                                @POST
                                public ListBoxModel doFillOtherItems(@AncestorInPath Item item) {
                                    return other.items(item);
                                }
                            }
                        }
                        """)
                .check();

        // `other` is declared nowhere in the plugin: the call cannot be followed, so no check is found.
        assertThat(report.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("doFillOtherItems"));
    }

    @Test
    void aHelperThatChecksNothingDoesNotCount() {
        PluginCheck.Report report = new PluginSources(folder)
                .java("Forms", IMPORTS + """
                        final class Forms {
                            static ListBoxModel items(Item item) {
                                return new ListBoxModel();
                            }
                        }
                        """)
                .java("Step", IMPORTS + """
                        public class Step {
                            public static class DescriptorImpl extends Descriptor<Step> {
                                @POST
                                public ListBoxModel doFillSourceItems(@AncestorInPath Item item) {
                                    return Forms.items(item);
                                }
                            }
                        }
                        """)
                .check();

        assertThat(report.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Step.DescriptorImpl.doFillSourceItems"));
    }

    @Test
    void aPostAnnotationFromAnotherPackageIsNotStaplers() {
        PluginCheck.Report report =
                new PluginSources(folder).java("Config", """
                        package demo;
                        import javax.ws.rs.POST;
                        import org.kohsuke.stapler.QueryParameter;
                        public class Config {
                            @POST
                            public FormValidation doCheckUrl(@QueryParameter String value) {
                                Jenkins.get().checkPermission(Jenkins.ADMINISTER);
                                return FormValidation.ok();
                            }
                        }
                        """).check();

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("web-method-post");
    }

    @Test
    void getIsAcceptedOnAnActionButNotOnADescriptor() {
        PluginCheck.Report report = new PluginSources(folder)
                .java("TrendAction", IMPORTS + """
                        public class TrendAction implements Action {
                            private transient Job<?, ?> job;
                            @GET
                            public HttpResponse doGraph() {
                                job.checkPermission(Item.READ);
                                return HttpResponses.ok();
                            }
                            public String getIconFileName() { return null; }
                            public String getDisplayName() { return "Trend"; }
                            public String getUrlName() { return "trend"; }
                        }
                        """)
                .java("Config", IMPORTS + """
                        public class Config extends Descriptor<Config> {
                            @GET
                            public ListBoxModel doFillItems(@QueryParameter String value) {
                                Jenkins.get().checkPermission(Jenkins.ADMINISTER);
                                return new ListBoxModel();
                            }
                        }
                        """)
                .check();

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("web-method-post");
            assertThat(f.message()).contains("Config.doFillItems", "@GET is for read-only views of an Action");
        });
    }

    @Test
    void methodsStaplerDoesNotRouteAreLeftAlone() {
        PluginCheck.Report report = check("SummaryAction", """
                public class SummaryAction implements RunAction2 {
                    public String getIconFileName() { return "symbol-x"; }
                    public String getDisplayName() { return "Summary"; }
                    public String getUrlName() { return "summary"; }
                    public void onAttached(Run<?, ?> r) {}
                    public void onLoad(Run<?, ?> r) {}
                    public boolean doesMatch(String value) { return true; }
                    public int doCount() { return 1; }
                    FormValidation doCheckHidden(String value) { return FormValidation.ok(); }
                    @StaplerNotDispatchable
                    public HttpResponse doNotRouted() { return HttpResponses.ok(); }
                }
                """);

        assertThat(report.findings()).isEmpty();
        assertThat(report.webMethods()).isZero();
        assertThat(report.actions()).isEqualTo(1);
    }

    @Test
    void implicitWebMethodsAreFoundByTheirSignature() {
        PluginCheck.Report report = check("Config", """
                public class Config extends Descriptor<Config> {
                    public void doSave(StaplerRequest2 request, StaplerResponse2 response) {}
                    public HttpResponse doStop() { return HttpResponses.ok(); }
                    public void doRun() throws HttpResponses.HttpResponseException {}
                    public void doDynamic() {}
                    @WebMethod(name = "x")
                    public void anything() {}
                }
                """);

        assertThat(report.webMethods()).isEqualTo(5);
        assertThat(report.findings())
                .extracting(Finding::rule)
                .containsOnly("web-method-post", "web-method-permission")
                .hasSize(10);
    }

    @Test
    void aFileThatDoesNotParseFailsTheCheck() {
        PluginCheck.Report report = check("Broken", "public class Broken { void x( }");

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("parse");
    }
}
