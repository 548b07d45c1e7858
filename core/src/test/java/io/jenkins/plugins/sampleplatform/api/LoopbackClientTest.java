package io.jenkins.plugins.sampleplatform.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh fake platform on loopback for every test, and a client wired to record every retry line. */
abstract class LoopbackClientTest {

    FakePlatform platform;
    final ClientTestSupport support = new ClientTestSupport();

    @BeforeEach
    void startPlatform() throws Exception {
        platform = new FakePlatform();
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }
}
