package io.jenkins.plugins.sampleplatform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sampleplatform.failures.FailedOutput;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import io.jenkins.plugins.sampleplatform.results.ListingCost;
import io.jenkins.plugins.sampleplatform.results.RunResults;
import io.jenkins.plugins.sampleplatform.results.SampleResult;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JUnit report validates against the JUnit schema of Jenkins' xunit plugin ({@code junit-10.xsd}, "the
 * format the JUnit plugin of Jenkins reads"; the junit plugin itself ships no schema), through the JDK's
 * {@code javax.xml.validation}. The schema is not part of this repository: the test reads it at a fixed commit
 * from a git snapshot of {@code jenkinsci/xunit-plugin} named by {@code JUNIT_XSD_SRC}, checks its SHA-256, and
 * is skipped where that is not set. {@link JUnitSchemaRules} checks the same rules in every build.
 */
class JUnitXmlSchemaTest {

    static final String VARIABLE = "JUNIT_XSD_SRC";
    static final String COMMIT = "ae25da5089d4f94ac6c4669bf736e4d416cc4665";
    static final String PATH = "src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd";
    static final String SHA256 = "a1a816f58d1bf95ebabf371994df0b9246dee66ea9572fbec4f9296f1b2c0ff6";

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        String source = System.getenv(VARIABLE);
        if (source == null || source.isBlank()) {
            System.out.println("[junit-xsd] " + VARIABLE + " is not set: validation against the JUnit schema"
                    + " skipped (JUnitSchemaRules still checks its rules)");
        }
        Assumptions.assumeTrue(
                source != null && !source.isBlank(),
                VARIABLE + " (a git snapshot of jenkinsci/xunit-plugin) is not set");
        Process git = new ProcessBuilder("git", "--git-dir", source, "show", COMMIT + ":" + PATH)
                .redirectErrorStream(false)
                .start();
        byte[] xsd = git.getInputStream().readAllBytes();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue())
                .as("git show %s:%s in %s", COMMIT, PATH, source)
                .isZero();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xsd)))
                .as("the schema's SHA-256")
                .isEqualTo(SHA256);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        schema = factory.newSchema(new StreamSource(new ByteArrayInputStream(xsd)));
    }

    private static void validate(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void aRunWithEveryKindOfSampleValidates() throws Exception {
        String xml = JUnitXml.render(JUnitXmlTest.mixedRun(), JUnitXmlTest.LINUX);
        validate(xml);
        JUnitSchemaRules.check(xml);
    }

    @Test
    void theSchemaRefusesWhatItShould() {
        String withoutErrors = "<testsuites><testsuite name=\"a\" tests=\"0\" failures=\"0\"/></testsuites>";
        String badTime =
                "<testsuites><testsuite name=\"a\" tests=\"0\" failures=\"0\" errors=\"0\" time=\"1.2345\"/></testsuites>";
        assertThatThrownBy(() -> validate(withoutErrors)).hasMessageContaining("errors");
        assertThatThrownBy(() -> validate(badTime)).hasMessageContaining("1.2345");
    }

    @Test
    void anEmptyRunValidates() throws Exception {
        validate(JUnitXml.render(new RunResults(1, List.of(), new ListingCost(1, "API requests")), JUnitXmlTest.LINUX));
    }

    @Test
    void hostileServerTextValidates() throws Exception {
        Random random = new Random(19);
        List<String> texts = new ArrayList<>(Hostile.STRINGS);
        for (int i = 0; i < 200; i++) {
            texts.add(Hostile.random(random, 40));
        }
        List<SampleResult> samples = new ArrayList<>();
        int id = 1;
        for (String text : texts) {
            samples.add(new SampleResult(
                    id, id, text, SampleStatus.FAIL, 1, 0, id, List.of(text), List.of(new FailedOutput(id, text))));
            id++;
        }
        String xml = JUnitXml.render(
                new RunResults(5, samples, new ListingCost(1, "API requests")),
                new JUnitXml.Options(
                        "linux" + texts.get(5),
                        new PlatformLinks(URI.create("https://x.example")),
                        s -> s.sampleName()));
        validate(xml);
        JUnitSchemaRules.check(xml);
    }

    /** Keeps the file-based use of the JDK API visible: a report written to disk validates as read back. */
    @Test
    void aReportWrittenToAFileValidates(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        Path file = directory.resolve("sampleplatform-junit.xml");
        Files.writeString(file, JUnitXml.render(JUnitXmlTest.mixedRun(), JUnitXmlTest.LINUX));
        schema.newValidator().validate(new StreamSource(file.toFile()));
    }
}
