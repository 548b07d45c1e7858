package io.jenkins.plugins.sampleplatform.publish;

import hudson.ProxyConfiguration;
import java.net.http.HttpClient;
import java.time.Duration;
import jenkins.model.Jenkins;

/**
 * One {@link HttpClient} shared by every build and the "Test connection" button, rebuilt only when its
 * settings change: the connect timeout, or Jenkins' proxy configuration (saving it installs a new
 * {@link ProxyConfiguration} object). A replaced client is not closed, since a build may still be
 * using it; it ends when no longer referenced. Redirects are never followed: the token must not travel
 * to another origin.
 */
final class HttpClients {

    private record Settings(Duration connectTimeout, ProxyConfiguration proxy) {
        // ProxyConfiguration does not define equals: a saved proxy configuration is a new object.
    }

    private static Settings settings;
    private static HttpClient client;

    private HttpClients() {}

    static synchronized HttpClient shared(Duration connectTimeout) {
        Settings wanted = new Settings(connectTimeout, Jenkins.get().getProxy());
        if (client == null || !wanted.equals(settings)) {
            client = ProxyConfiguration.newHttpClientBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(connectTimeout)
                    .build();
            settings = wanted;
        }
        return client;
    }
}
