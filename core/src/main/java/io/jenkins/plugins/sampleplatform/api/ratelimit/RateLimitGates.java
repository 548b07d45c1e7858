package io.jenkins.plugins.sampleplatform.api.ratelimit;

import io.jenkins.plugins.sampleplatform.api.BaseUrl;
import io.jenkins.plugins.sampleplatform.api.RequestGate;
import io.jenkins.plugins.sampleplatform.security.SecretText;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The process-wide gates: one {@link WindowGate} per (base URL, token), so that every build of a Jenkins
 * controller that uses one token shares that token's rate-limit window.
 *
 * <p>The registry keeps at most {@value #DEFAULT_CAPACITY} gates, dropping the least recently requested
 * one beyond that, so that tokens rotated over months do not pile up. Tokens are keyed by a salted
 * SHA-256 digest, never in clear.
 */
public final class RateLimitGates {

    /** Gates kept by the shared registry. */
    static final int DEFAULT_CAPACITY = 256;

    private static final RateLimitGates SHARED = new RateLimitGates(DEFAULT_CAPACITY);

    private final byte[] salt = new byte[16];
    private final Map<GateKey, WindowGate> gates;

    RateLimitGates(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        new SecureRandom().nextBytes(salt);
        this.gates = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<GateKey, WindowGate> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The gate shared by every request of this process to {@code baseUrl} with {@code token}.
     */
    public static RequestGate shared(BaseUrl baseUrl, SecretText token) {
        return SHARED.gateFor(baseUrl, token);
    }

    /** This registry's gate for (baseUrl, token), made on first use. */
    synchronized WindowGate gateFor(BaseUrl baseUrl, SecretText token) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        return gates.computeIfAbsent(GateKey.of(baseUrl, token, salt), key -> new WindowGate(baseUrl.toString()));
    }

    /** Number of gates kept. */
    synchronized int size() {
        return gates.size();
    }

    @Override
    public synchronized String toString() {
        return "RateLimitGates" + gates.keySet();
    }
}
