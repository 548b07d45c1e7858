package io.jenkins.plugins.sampleplatform.contract;

import java.util.EnumMap;
import java.util.Map;

/**
 * The real platforms of one test run, one per database engine, each started on first use and stopped at
 * the end of the run (JUnit closes this with the root extension store). Tests share them: seed runs of
 * your own ({@link RunSeed} hands out unique ids) and take a {@link PlatformServer#freshToken()} wherever
 * the rate limiter could see another test's requests.
 */
final class Platforms implements AutoCloseable {

    private final Map<PlatformDatabase.Engine, PlatformServer> servers = new EnumMap<>(PlatformDatabase.Engine.class);

    /** The platform on a SQLite file. */
    PlatformServer sqlite() throws Exception {
        return on(PlatformDatabase.Engine.SQLITE);
    }

    /** The platform on a MariaDB database. */
    PlatformServer mariadb() throws Exception {
        return on(PlatformDatabase.Engine.MARIADB);
    }

    synchronized PlatformServer on(PlatformDatabase.Engine engine) throws Exception {
        PlatformServer server = servers.get(engine);
        if (server == null) {
            server = PlatformServer.start(engine);
            servers.put(engine, server);
        }
        return server;
    }

    @Override
    public synchronized void close() throws Exception {
        Exception first = null;
        for (PlatformServer server : servers.values()) {
            try {
                server.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        servers.clear();
        if (first != null) {
            throw first;
        }
    }
}
