package io.jenkins.plugins.sampleplatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sampleplatform.failures.SampleStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * One item of {@code GET /runs/{id}/samples}: a regression test that has a result row in the run, with every
 * stored result file the API shows (the legacy sentinel row is never shown).
 *
 * @param outputs the result files: output id, and whether a produced hash is recorded ({@code got} set,
 *                {@code status: fail}, which includes an accepted variant)
 */
record ResultItem(
        int regressionTestId,
        Integer sampleId,
        String sampleName,
        SampleStatus status,
        Integer exitCode,
        Integer expectedRc,
        List<String> categories,
        List<ResultFile> outputs) {

    /**
     * A stored result file: {@code produced} when its {@code got} is set; {@code baseline} is the expected
     * file's name (baseline hash plus the output's extension).
     */
    record ResultFile(int outputId, boolean produced, String baseline) {

        /** The output's extension as the baseline's name shows it (from its last dot), or empty. */
        String extension() {
            int dot = baseline == null ? -1 : baseline.lastIndexOf('.');
            return dot < 0 ? "" : baseline.substring(dot);
        }
    }

    /** Whether the exit code differs from the expected one (both as recorded, null included). */
    boolean exitCodeDiffers() {
        return exitCode == null ? expectedRc != null : !exitCode.equals(expectedRc);
    }

    static ResultItem read(ResponseParser parser, ObjectNode item) {
        String status = parser.optionalText(item, "status");
        if (status == null) {
            throw new IllegalArgumentException("status is missing");
        }
        List<ResultFile> files = new ArrayList<>();
        JsonNode outputs = item.get("outputs");
        if (outputs != null && !outputs.isNull()) {
            if (!outputs.isArray()) {
                throw new IllegalArgumentException("outputs must be an array, was " + ResponseParser.typeOf(outputs));
            }
            for (JsonNode entry : outputs) {
                if (!(entry instanceof ObjectNode output)) {
                    throw new IllegalArgumentException(
                            "outputs must hold objects, held " + ResponseParser.typeOf(entry));
                }
                String fileStatus = parser.optionalText(output, "status");
                if (!"pass".equals(fileStatus) && !"fail".equals(fileStatus)) {
                    throw new IllegalArgumentException(
                            "outputs[].status must be pass or fail, was " + parser.quote(String.valueOf(fileStatus)));
                }
                files.add(new ResultFile(
                        ResponseParser.requiredInt(output, "output_id"),
                        "fail".equals(fileStatus),
                        parser.optionalText(output, "filename")));
            }
        }
        return new ResultItem(
                ResponseParser.requiredInt(item, "regression_test_id"),
                ResponseParser.optionalInt(item, "sample_id"),
                parser.optionalText(item, "sample_name"),
                SampleStatus.fromWire(status),
                ResponseParser.optionalInt(item, "exit_code"),
                ResponseParser.optionalInt(item, "expected_rc"),
                List.copyOf(SamplePages.categories(parser, item)),
                List.copyOf(files));
    }
}
