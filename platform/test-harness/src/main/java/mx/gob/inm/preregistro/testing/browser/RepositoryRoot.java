package mx.gob.inm.preregistro.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout's root: walking up from the working directory, the first directory whose pom.xml
 * lists the gateway module (or a directory named {@code preregistro} holding a pom.xml).
 */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path find() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("No Pre-Registro checkout above " + start
                + " (looked for a pom.xml with <module>gateway</module>)");
    }

    private static boolean isRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        if (dir.getFileName() != null && dir.getFileName().toString().equals("preregistro")) {
            return true;
        }
        try {
            return Files.readString(pom).contains("<module>gateway</module>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
