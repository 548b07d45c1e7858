package io.jenkins.plugins.sampleplatform.api;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** The tests' fake platforms: a JDK HTTP server on a free loopback port, one daemon thread per request. */
final class LoopbackServers {

    private LoopbackServers() {}

    /** Starts a server answering every path with {@code handler}; its threads are named {@code threadName}. */
    static HttpServer start(String threadName, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", handler);
        server.start();
        return server;
    }
}
