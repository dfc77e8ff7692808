package mx.gob.inm.preregistro.testing;

import java.util.function.Supplier;

/** Holds the one {@link Infrastructure} of this JVM, chosen by the system property {@code preregistro.harness}. */
enum SharedInfrastructure implements Supplier<Infrastructure> {
    INSTANCE;

    private Infrastructure infrastructure;

    @Override
    public synchronized Infrastructure get() {
        if (infrastructure == null) {
            infrastructure = "containers".equals(System.getProperty("preregistro.harness"))
                    ? ContainerInfrastructure.start()
                    : LocalInfrastructure.start();
        }
        return infrastructure;
    }
}
