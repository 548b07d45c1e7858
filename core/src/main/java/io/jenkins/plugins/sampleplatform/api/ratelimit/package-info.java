/**
 * Cooperation on the platform's per-token rate-limit window: {@link
 * io.jenkins.plugins.sampleplatform.api.ratelimit.RateLimitGates#shared} hands every client of one
 * (base URL, token) the same {@link io.jenkins.plugins.sampleplatform.api.ratelimit.WindowGate}, which
 * learns the window from the answers' {@code X-RateLimit-*} headers and holds requests, in arrival order,
 * while the window is spent. See {@code docs/rate-limits.md}.
 */
package io.jenkins.plugins.sampleplatform.api.ratelimit;
