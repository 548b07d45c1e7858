package io.jenkins.plugins.sampleplatform.wait;

import io.jenkins.plugins.sampleplatform.publish.PublishedSummary;
import io.jenkins.plugins.sampleplatform.render.FailureFields;
import io.jenkins.plugins.sampleplatform.render.SummaryFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value {@code sampleplatformSummary} returns: the summary's fields, {@code result}, {@code reasons}, and
 * the failing samples ({@code failures}, at most {@value FailureFields#PIPELINE_LIMIT} plain maps, and
 * {@code failures_total}) unless the step's {@code failures} option is off.
 */
final class StepValue {

    private StepValue() {}

    static Map<String, Object> of(PublishedSummary published) {
        Map<String, Object> fields = SummaryFields.toMap(published.report());
        FailureFields.addTo(
                fields, published.failures(), published.report().summary().runId(), FailureFields.PIPELINE_LIMIT);
        return plain(fields);
    }

    /**
     * A deep copy in LinkedHashMaps and ArrayLists of strings, numbers and nulls: readable from a sandboxed
     * Pipeline, and saved with the Pipeline's program state without reaching into JDK-private collection
     * classes (such as those of {@code List.of}).
     */
    static Map<String, Object> plain(Map<String, Object> fields) {
        Map<String, Object> value = new LinkedHashMap<>();
        fields.forEach((key, field) -> value.put(key, plainValue(field)));
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Object plainValue(Object field) {
        if (field instanceof Map<?, ?> map) {
            return plain((Map<String, Object>) map);
        }
        if (field instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(plainValue(item)));
            return copy;
        }
        return field;
    }
}
