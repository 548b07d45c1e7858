package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A regression test as {@code GET /regression-tests/{id}} ({@code runs:read}) defines it: what a run's results
 * do not say about a test that never ran (its categories; whether it has an output the platform misses), and
 * the accepted variants of its outputs.
 */
record TestDefinition(
        int regressionTestId, Integer sampleId, String sampleName, List<String> categories, List<Output> outputs) {

    /** An expected output: ignored or not, and the hashes accepted besides the baseline. */
    record Output(int id, boolean ignored, String extension, List<String> variants) {}

    /** Whether a run that recorded no file for this test fails it: it has an output that is not ignored. */
    boolean missesOutputWithoutFiles() {
        return outputs.stream().anyMatch(o -> !o.ignored());
    }

    /** The output with this id, or null. */
    Output output(int outputId) {
        return outputs.stream().filter(o -> o.id() == outputId).findFirst().orElse(null);
    }

    static TestDefinition read(ResponseParser parser, ObjectNode body) {
        List<Output> outputs = new ArrayList<>();
        JsonNode list = body.get("outputs");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("outputs must be an array");
        }
        for (JsonNode entry : list) {
            if (!(entry instanceof ObjectNode output)) {
                throw new IllegalArgumentException("outputs must hold objects, held " + ResponseParser.typeOf(entry));
            }
            JsonNode ignore = output.get("ignore");
            if (ignore == null || !ignore.isBoolean()) {
                throw new IllegalArgumentException("outputs[].ignore must be a boolean");
            }
            List<String> variants = new ArrayList<>();
            JsonNode variantList = output.get("variants");
            if (variantList != null && variantList.isArray()) {
                for (JsonNode variant : variantList) {
                    if (variant instanceof ObjectNode v && v.path("hash").isTextual()) {
                        variants.add(v.get("hash").asText());
                    } else {
                        throw new IllegalArgumentException("outputs[].variants[] must be objects with a hash");
                    }
                }
            }
            String extension = parser.optionalText(output, "correct_extension");
            outputs.add(new Output(
                    ResponseParser.requiredInt(output, "id"),
                    ignore.booleanValue(),
                    extension == null ? "" : extension,
                    List.copyOf(variants)));
        }
        return new TestDefinition(
                ResponseParser.requiredInt(body, "regression_test_id"),
                ResponseParser.optionalInt(body, "sample_id"),
                parser.optionalText(body, "sample_name"),
                List.copyOf(SamplePages.categories(parser, body)),
                List.copyOf(outputs));
    }
}
