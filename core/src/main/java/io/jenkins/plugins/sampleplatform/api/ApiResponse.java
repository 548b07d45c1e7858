package io.jenkins.plugins.sampleplatform.api;

import java.net.http.HttpHeaders;

/**
 * A successful (2xx) answer of the API, as {@link ApiTransport} returns it: the body is read whole (up to
 * the client's size cap) and not yet parsed.
 *
 * @param status      the HTTP status, 200 to 299
 * @param headers     the answer's headers
 * @param body        the body's bytes, possibly empty
 * @param contentType the {@code Content-Type} header, or {@code null}
 */
record ApiResponse(int status, HttpHeaders headers, byte[] body, String contentType) {}
