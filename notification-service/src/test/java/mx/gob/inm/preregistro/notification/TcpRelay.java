package mx.gob.inm.preregistro.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mx.gob.inm.preregistro.testing.Infrastructure;

/**
 * A TCP relay in front of one of the harness's servers, so a test can take it away and bring it back while the
 * service keeps its configuration: while cut, the open connections are closed and every new one is closed before a
 * byte is read, as when the server is down; otherwise bytes flow both ways unchanged. A test can also cut it at an
 * exact moment of a conversation ({@link #whenClientSends} and {@link #cut}).
 */
public final class TcpRelay {

    private static final Pattern HOST_AND_PORT = Pattern.compile("mongodb://([^:/?,]+):(\\d+)");

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger relayed = new AtomicInteger();
    private final AtomicReference<Trigger> trigger = new AtomicReference<>();
    private volatile boolean up = true;

    private TcpRelay(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "tcp-relay-" + targetPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static TcpRelay smtp;
    private static TcpRelay mongo;

    /** The relay to the harness's GreenMail that every Spring test of this module sends through. */
    public static synchronized TcpRelay smtp() {
        if (smtp == null) {
            smtp = to("127.0.0.1", Infrastructure.shared().mail().getSmtp().getPort());
        }
        return smtp;
    }

    /** The relay to the harness's MongoDB that every Spring test of this module stores through. */
    public static synchronized TcpRelay mongo() {
        if (mongo == null) {
            Matcher target = HOST_AND_PORT.matcher(Infrastructure.shared().mongoUri());
            if (!target.lookingAt()) {
                throw new IllegalStateException("not a single-host MongoDB URI: " + Infrastructure.shared().mongoUri());
            }
            mongo = to(target.group(1), Integer.parseInt(target.group(2)));
        }
        return mongo;
    }

    /** A relay to {@code host:port}, running until the JVM ends. */
    public static TcpRelay to(String host, int port) {
        return new TcpRelay(host, port);
    }

    /** A relay to 127.0.0.1:{@code targetPort}. */
    public static TcpRelay to(int targetPort) {
        return to("127.0.0.1", targetPort);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** A MongoDB connection string to this relay (one server, not discovered further). */
    public String mongoUri() {
        return "mongodb://127.0.0.1:" + port() + "/?directConnection=true";
    }

    /** The server "goes down": open connections are closed, new ones closed at once. */
    public void cut() {
        up = false;
        open.forEach(TcpRelay::close);
    }

    /** How many connections clients have opened through the relay while it was up. */
    public int connectionsRelayed() {
        return relayed.get();
    }

    /** The server is back. */
    public void restore() {
        up = true;
    }

    /**
     * Once a client has sent {@code first} and then {@code last} on one connection, {@code action} runs before
     * {@code last} is passed on (only once). Markers are ASCII, up to 64 characters ({@code RCPT TO:<...>}, the
     * {@code \r\n.\r\n} that ends an SMTP message).
     */
    public void whenClientSends(String first, String last, Runnable action) {
        trigger.set(new Trigger(first, last, action));
    }

    private record Trigger(String first, String last, Runnable action) {
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!up) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                relayed.incrementAndGet();
                open.add(client);
                open.add(upstream);
                pipe(client, upstream, true);
                pipe(upstream, client, false);
            } catch (IOException e) {
                // a connection that could not be relayed fails on the client's side, as a real outage would
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromClient) {
        Thread copier = new Thread(() -> {
            boolean firstSeen = false;
            String carried = "";   // the end of the previous read, for a marker split between two reads
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    Trigger armed = fromClient ? trigger.get() : null;
                    if (armed != null) {
                        String text = carried + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                        firstSeen |= text.contains(armed.first());
                        if (firstSeen && text.contains(armed.last()) && trigger.compareAndSet(armed, null)) {
                            armed.action().run();
                        }
                        carried = text.substring(Math.max(0, text.length() - 64));
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // the other side hung up, or the relay was cut
            } finally {
                close(from);
                close(to);
            }
        }, "tcp-relay-pipe");
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
