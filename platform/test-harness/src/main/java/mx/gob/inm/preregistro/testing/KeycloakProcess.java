package mx.gob.inm.preregistro.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak as a real server process, from the {@code keycloak-quarkus-dist} zip that Maven fetched: unpacked once
 * under {@code var/test/}, started once per test JVM in dev mode on free ports with an in-memory database, realm
 * {@code inm} imported from {@code deploy/keycloak}, stopped when the JVM exits.
 */
final class KeycloakProcess {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private KeycloakProcess() {
    }

    /** Copies the realm's own themes ({@code deploy/keycloak/themes}) into Keycloak's {@code themes} folder. */
    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static KeycloakServer startShared() {
        Path zip = Path.of(required("keycloak.dist.zip"));
        Path realmDir = Path.of(required("keycloak.realm.dir"));
        Path work = Path.of(System.getProperty("preregistro.var", "target")).resolve("test");
        try {
            Path home = unpackOnce(zip, work);
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            try (var realms = Files.list(realmDir)) {
                for (Path realm : realms.filter(p -> p.toString().endsWith("-realm.json")).toList()) {
                    Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            copyTree(realmDir.resolve("themes"), home.resolve("themes"));
            int port = FreePorts.next();
            KeycloakServer server = new KeycloakServer("http://127.0.0.1:" + port, "admin",
                    UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + FreePorts.next(),
                    "--db=dev-mem", "--import-realm", "--cache=local")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("keycloak.log").toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", server.adminUser());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", server.adminPassword());
            builder.environment().put("GATEWAY_CLIENT_SECRET", server.gatewayClientSecret());
            builder.environment().put("IDENTITY_CLIENT_SECRET", server.identityClientSecret());
            builder.environment().put("PUBLIC_BASE_URL", "http://localhost:8080");
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-XX:MaxRAMPercentage=10 -Xms64m -Xmx640m");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));
            awaitRealm(server, process, work.resolve("keycloak.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not be started", e);
        }
    }

    private static Path unpackOnce(Path zip, Path work) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip
                    + "; build the platform/test-harness module first (Maven fetches it)");
        }
        Path home = null;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            String root = archive.entries().nextElement().getName().split("/")[0];
            home = work.resolve(root);
            if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
                return home;
            }
            Path staging = work.resolve(root + ".partial");
            for (ZipEntry entry : Collections.list(archive.entries())) {
                Path target = staging.resolve(entry.getName().substring(root.length() + 1)).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Zip entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (entry.getName().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        }
        return home;
    }

    private static void awaitRealm(KeycloakServer server, Process process, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest wellKnown = HttpRequest.newBuilder(
                URI.create(server.realmUrl() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(wellKnown, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop(process);
        throw new IllegalStateException("Keycloak did not serve realm inm within " + START_TIMEOUT + "; see " + log);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (the root pom's surefire"
                    + " configuration sets it)");
        }
        return value;
    }
}
