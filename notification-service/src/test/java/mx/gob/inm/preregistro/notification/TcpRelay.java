package mx.gob.inm.preregistro.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.io.UncheckedIOException;

import mx.gob.inm.preregistro.testing.Infrastructure;

/**
 * A TCP relay in front of the harness's GreenMail, so a test can take the mail server away and bring it back
 * while the service keeps its configuration: while cut, every connection is closed before the SMTP greeting,
 * as when the mail server is down; otherwise bytes flow both ways unchanged.
 */
public final class SmtpRelay {

    private final ServerSocket server;
    private final int targetPort;
    private volatile boolean up = true;

    private SmtpRelay(int targetPort) {
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static SmtpRelay shared;

    /** The relay every Spring test of this module sends through ({@link NotificationServiceTest}). */
    public static synchronized SmtpRelay shared() {
        if (shared == null) {
            shared = to(Infrastructure.shared().mail().getSmtp().getPort());
        }
        return shared;
    }

    /** A relay to 127.0.0.1:{@code targetPort}, running until the JVM ends. */
    public static SmtpRelay to(int targetPort) {
        return new SmtpRelay(targetPort);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The mail server "goes down": new connections are closed at once. */
    public void cut() {
        up = false;
    }

    /** The mail server is back. */
    public void restore() {
        up = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!up) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // a connection that could not be relayed fails on the client's side, as a real outage would
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // the other side hung up
            } finally {
                close(from);
                close(to);
            }
        }, "smtp-relay-pipe");
        copier.setDaemon(true);
        copier.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
