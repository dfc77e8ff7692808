package mx.gob.inm.preregistro.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import mx.gob.inm.preregistro.testing.KeycloakServer;
import mx.gob.inm.preregistro.testing.RepositoryRoot;

/**
 * The whole stack, started and stopped through {@code ./preregistro}, the same code path a user runs. Ports are
 * the defaults shifted by {@link #OFFSET} and data lives under {@code system-tests/target/stack}, so a stack a
 * developer left running on the defaults is not touched.
 */
final class LocalStack {

    static final int OFFSET = 10000;

    /** Every component {@code ./preregistro up} starts, each a process of its own. */
    static final List<String> COMPONENTS = List.of("kafka", "mongodb", "keycloak", "mail", "identity-service",
            "document-service", "preregistration-service", "fmme-service", "notification-service", "gateway");

    private final Path root = RepositoryRoot.find();
    private final Path varDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    /** The system tests' own stack. */
    LocalStack() {
        this(OFFSET, "system-tests/target/stack");
    }

    private LocalStack(int offset, String varDir) {
        this.varDir = root.resolve(varDir);
        try {
            DockerComposeTest.readPortsEnv(root.resolve("deploy/local-stack/ports.env"))
                    .forEach((name, port) -> ports.put(name, Integer.parseInt(port) + offset));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stack {@code ./preregistro up} starts for a person, on the default ports (what the benchmark measures). */
    static LocalStack onDefaultPorts() {
        String varDir = System.getenv("PREREGISTRO_VAR");
        LocalStack stack = new LocalStack(0, varDir == null ? "var" : varDir);
        stack.ports.replaceAll((name, port) -> System.getenv(name) == null ? port : Integer.parseInt(System.getenv(name)));
        return stack;
    }

    int port(String name) {
        return ports.get(name);
    }

    Map<String, Integer> ports() {
        return ports;
    }

    String url(String name) {
        return "http://127.0.0.1:" + port(name);
    }

    /** Runs {@code ./preregistro <command>}; returns its exit code and output. */
    Result run(String command, long timeoutSeconds) {
        try {
            Files.createDirectories(varDir);
            Path output = Files.createTempFile(varDir, command, ".out");
            ProcessBuilder builder = new ProcessBuilder(List.of(root.resolve("preregistro").toString(), command))
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            ports.forEach((name, port) -> env.put(name, String.valueOf(port)));
            env.put("PREREGISTRO_VAR", varDir.toString());
            env.put("PREREGISTRO_SKIP_BUILD", "1");
            env.put("CAPTCHA_TEST_MODE", "true");
            env.remove("MONGODB_URI");
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./preregistro " + command + " did not finish in " + timeoutSeconds
                        + "s:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The mails GreenMail holds for an address, read over IMAP (user and password: the address). */
    List<MimeMessage> mailsTo(String email) {
        return readInbox(email, (inbox, messages) -> {
            List<MimeMessage> mails = new ArrayList<>();
            for (Message message : messages) {
                mails.add(new MimeMessage((MimeMessage) message));
            }
            return mails;
        });
    }

    /**
     * The subjects of the mails the SMTP server holds for {@code email}, in one fetch of the envelopes, without the
     * bodies and their PDFs (the benchmark counts thousands of mails).
     */
    List<String> subjectsTo(String email) {
        return readInbox(email, (inbox, messages) -> {
            FetchProfile envelopes = new FetchProfile();
            envelopes.add(FetchProfile.Item.ENVELOPE);
            inbox.fetch(messages, envelopes);
            List<String> subjects = new ArrayList<>();
            for (Message message : messages) {
                subjects.add(String.valueOf(message.getSubject()));
            }
            return subjects;
        });
    }

    private interface InboxReader<T> {
        T read(Folder inbox, Message[] messages) throws MessagingException;
    }

    /** Signs in to {@code email}'s mailbox over IMAP (GreenMail: the address is the password) and reads its inbox. */
    private <T> T readInbox(String email, InboxReader<T> reader) {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(port("IMAP_PORT")));
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(email, email);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                T read = reader.read(inbox, inbox.getMessages());
                inbox.close(false);
                return read;
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read the mails of " + email, e);
        }
    }

    /** The stack's Keycloak, with the admin password {@code ./preregistro up} generated into its secrets file. */
    KeycloakServer keycloak() {
        try {
            String password = Files.readAllLines(varDir.resolve("secrets.env")).stream()
                    .filter(line -> line.startsWith("KEYCLOAK_ADMIN_PASSWORD=")).findFirst()
                    .map(line -> line.substring(line.indexOf('=') + 1)).orElseThrow();
            return new KeycloakServer(url("KEYCLOAK_PORT"), "admin", password, null,
                    null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the stack keeps its data, logs and reports. */
    Path varDir() {
        return varDir;
    }

    /** The process id of a running component, as the launcher wrote it (the leader of the component's session). */
    String pid(String component) throws IOException {
        return Files.readString(varDir.resolve("run").resolve(component + ".pid")).strip();
    }

    /**
     * Sends a signal ({@code KILL}, {@code TERM}, {@code STOP}, {@code CONT}...) to a running component's process
     * group (the stack starts each one in its own session); returns its pid.
     */
    String signal(String component, String signal) throws IOException, InterruptedException {
        String pid = pid(component);
        Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + pid).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + component + " failed");
        }
        return pid;
    }

    /** Ends a component with a signal ({@code KILL}, {@code TERM}) and waits until its process is gone (60 s at most). */
    void kill(String component, String signal) throws IOException, InterruptedException {
        Path process = Path.of("/proc", signal(component, signal));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.exists(process) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (Files.exists(process)) {
            throw new IllegalStateException(component + " still runs 60 s after kill -" + signal);
        }
    }

    /** {@code ./preregistro up}: starts what is not running and waits until everything is healthy. */
    void startMissing() {
        Result up = run("up", 600);
        if (up.exitCode() != 0 || !up.output().contains("All healthy")) {
            throw new IllegalStateException("./preregistro up failed:\n" + up.output());
        }
    }

    /** The fields of a running component's {@code /proc/PID/stat} (Linux) after its command's name. */
    List<String> stat(String component) throws IOException {
        return procStat(pid(component));
    }

    /**
     * The fields of a process's {@code /proc/PID/stat} after its command's name (which may hold spaces): element 0 is
     * the file's 3rd field (state), so the file's field n is element n - 3.
     */
    static List<String> procStat(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        return List.of(stat.substring(stat.lastIndexOf(')') + 2).strip().split(" "));
    }

    Path log(String component) {
        return varDir.resolve("log").resolve(component + ".log");
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    record Result(int exitCode, String output) {
    }
}
