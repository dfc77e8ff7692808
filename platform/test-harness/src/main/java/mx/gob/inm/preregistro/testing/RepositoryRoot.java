package mx.gob.inm.preregistro.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root: walking up from the working directory, the first directory holding {@code ./preregistro}. */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path find() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("preregistro")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No Pre-Registro checkout above " + start + " (looked for ./preregistro)");
    }
}
