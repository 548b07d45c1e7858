package io.jenkins.plugins.sampleplatform.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw socket server on loopback that resets the first {@code resets} connections right after reading
 * the request (an RST, no answer at all) and answers later ones with a valid summary. Counts connections.
 */
final class ResettingServer implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    ResettingServer(int resets, int runId) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> serve(resets, runId), "resetting-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    BaseUrl baseUrl() {
        return BaseUrl.parse("http://127.0.0.1:" + server.getLocalPort() + "/api/v1");
    }

    int connections() {
        return connections.get();
    }

    private void serve(int resets, int runId) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                int number = connections.incrementAndGet();
                readRequestHead(socket.getInputStream());
                if (number <= resets) {
                    socket.setSoLinger(true, 0); // close with RST
                    continue;
                }
                byte[] body = FakePlatform.summaryJson(runId).getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                                + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // closed by the test, or the client hung up: the test asserts on the client's side
            }
        }
    }

    /** Reads up to the blank line that ends a request's head. */
    static void readRequestHead(InputStream in) throws IOException {
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int matched = 0;
        for (int b; matched < end.length && (b = in.read()) != -1; ) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
