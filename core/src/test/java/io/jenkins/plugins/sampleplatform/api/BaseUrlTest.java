package io.jenkins.plugins.sampleplatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaseUrlTest {

    @Test
    void buildsEndpointAndRunPage() {
        BaseUrl url = BaseUrl.parse(BaseUrl.PUBLIC_INSTANCE + "/");
        assertThat(url.endpoint("/runs/42/summary"))
                .hasToString("https://sampleplatform.ccextractor.org/api/v1/runs/42/summary");
        assertThat(url.site()).hasToString("https://sampleplatform.ccextractor.org");
        assertThat(url.runPage(42)).hasToString("https://sampleplatform.ccextractor.org/test/42");
        assertThat(url.insecureTransportWarning()).isEmpty();
    }

    @Test
    void keepsAPathPrefixOfSelfHostedInstances() {
        BaseUrl url = BaseUrl.parse("https://ci.example.org/platform/api/v1");
        assertThat(url.runPage(7)).hasToString("https://ci.example.org/platform/test/7");
        assertThat(BaseUrl.parse("https://ci.example.org/custom").runPage(7))
                .hasToString("https://ci.example.org/custom/test/7");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "file:///etc/passwd",
                "ftp://host/api/v1",
                "sampleplatform.ccextractor.org/api/v1",
                ""
            })
    void rejectsWhatIsNotAnHttpUrl(String text) {
        assertThatThrownBy(() -> BaseUrl.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsCredentialsQueryAndFragment() {
        assertThatThrownBy(() -> BaseUrl.parse("https://user:pw@host/api/v1"))
                .hasMessageContaining("user name or password");
        assertThatThrownBy(() -> BaseUrl.parse("https://host/api/v1?token=x")).hasMessageContaining("query");
        assertThatThrownBy(() -> BaseUrl.parse("https://host/api/v1#x")).hasMessageContaining("fragment");
        assertThatThrownBy(() -> BaseUrl.parse("http:///api")).hasMessageContaining("host");
    }

    @Test
    void warnsAboutPlainHttpExceptOnLoopback() {
        assertThat(BaseUrl.parse("http://platform.example.org/api/v1").insecureTransportWarning())
                .hasValueSatisfying(w -> assertThat(w).contains("http://").contains("unencrypted"));
        assertThat(BaseUrl.parse("http://127.0.0.1:8080/api/v1").insecureTransportWarning())
                .isEmpty();
        assertThat(BaseUrl.parse("http://localhost:8080/api/v1").insecureTransportWarning())
                .isEmpty();
        assertThat(BaseUrl.parse("http://[::1]:8080/api/v1").insecureTransportWarning())
                .isEmpty();
        assertThat(BaseUrl.parse("http://127.0.0.1.evil.example/api/v1").insecureTransportWarning())
                .isPresent();
    }
}
