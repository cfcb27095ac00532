package io.quorum.adapters.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A webhook that takes connections and never answers, as a server that hangs does. */
final class DeadWebhook implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread acceptor;

    DeadWebhook() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = Thread.ofVirtual().start(() -> {
            try {
                while (!socket.isClosed()) {
                    held.add(socket.accept());
                    connected.countDown();
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
    }

    URI url() { return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hooks/dead"); }

    /** Waits until a delivery has connected, and so is stuck waiting for an answer. */
    void awaitConnection() throws InterruptedException { connected.await(); }

    @Override public void close() throws IOException {
        socket.close();
        for (Socket connection : held) connection.close();
        acceptor.interrupt();
    }
}
