package io.jenkins.plugins.sampleplatform.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitGatesTest {

    private static final BaseUrl URL = BaseUrl.parse("https://sampleplatform.example.org/api/v1");
    private static final String TOKEN = "spci_Zq8vXw3-registry-token-0042";

    @Test
    void oneGatePerUrlAndToken() {
        RateLimitGates registry = new RateLimitGates(10);
        WindowGate gate = registry.gateFor(URL, SecretText.of(TOKEN));
        assertThat(registry.gateFor(URL, SecretText.of(TOKEN))).isSameAs(gate);
        assertThat(registry.gateFor(URL, SecretText.of(TOKEN + "x"))).isNotSameAs(gate);
        assertThat(registry.gateFor(BaseUrl.parse("https://other.example.org/api/v1"), SecretText.of(TOKEN)))
                .isNotSameAs(gate);
        assertThat(registry.size()).isEqualTo(3);
    }

    @Test
    void sharedRegistryHandsOutTheSameGateForTheSameUrlAndToken() {
        assertThat(RateLimitGates.shared(URL, SecretText.of(TOKEN)))
                .isSameAs(RateLimitGates.shared(URL, SecretText.of(TOKEN)))
                .isInstanceOf(WindowGate.class)
                .isNotSameAs(RateLimitGates.shared(URL, SecretText.of("spci_another")));
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        RateLimitGates registry = new RateLimitGates(3);
        WindowGate first = registry.gateFor(URL, SecretText.of("spci_1"));
        registry.gateFor(URL, SecretText.of("spci_2"));
        registry.gateFor(URL, SecretText.of("spci_3"));
        registry.gateFor(URL, SecretText.of("spci_1")); // used again: the second is now the oldest
        registry.gateFor(URL, SecretText.of("spci_4"));
        assertThat(registry.size()).isEqualTo(3);
        assertThat(registry.gateFor(URL, SecretText.of("spci_1"))).isSameAs(first);
        assertThat(registry.size()).isEqualTo(3);
    }

    @Test
    void noTokenInTheRegistryItsKeysOrItsGates() throws IllegalAccessException {
        RateLimitGates registry = new RateLimitGates(10);
        WindowGate gate = registry.gateFor(URL, SecretText.of(TOKEN));
        List<String> texts = new ArrayList<>();
        collectStrings(registry, new IdentityHashMap<>(), texts, 0);
        assertThat(texts)
                .as("strings reachable from the registry")
                .isNotEmpty()
                .anyMatch(text -> text.contains("sampleplatform.example.org"))
                .noneMatch(text -> text.contains(TOKEN));
        assertThat(registry.toString()).contains("sampleplatform.example.org").doesNotContain(TOKEN);
        assertThat(gate.toString()).doesNotContain(TOKEN);
    }

    /** Every String and char[] reachable from {@code object} through fields, maps and collections. */
    private static void collectStrings(Object object, Map<Object, Boolean> seen, List<String> texts, int depth)
            throws IllegalAccessException {
        if (object == null || depth > 8 || seen.put(object, true) != null) {
            return;
        }
        if (object instanceof String text) {
            texts.add(text);
            return;
        }
        if (object instanceof char[] chars) {
            texts.add(new String(chars));
            return;
        }
        if (object instanceof byte[] bytes) {
            texts.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        if (object instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectStrings(entry.getKey(), seen, texts, depth + 1);
                collectStrings(entry.getValue(), seen, texts, depth + 1);
            }
            return;
        }
        if (object instanceof Collection<?> items) {
            for (Object item : items) {
                collectStrings(item, seen, texts, depth + 1);
            }
            return;
        }
        if (!object.getClass().getName().startsWith("io.jenkins.plugins.sampleplatform")) {
            return; // JDK internals (locks, loggers) hold no field of ours
        }
        for (Class<?> type = object.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                field.setAccessible(true);
                collectStrings(field.get(object), seen, texts, depth + 1);
            }
        }
    }
}
