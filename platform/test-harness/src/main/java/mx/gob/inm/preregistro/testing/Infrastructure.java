package mx.gob.inm.preregistro.testing;

/**
 * The real servers an integration test talks to, started once per test JVM and shared by every test class.
 * Two ways to get them: {@link LocalInfrastructure} (the default, no Docker: embedded KRaft broker, in-process
 * Mongo-wire server, Keycloak from the Maven zip) and {@link ContainerInfrastructure} (Maven profile
 * {@code containers}: real images through Testcontainers, where a Docker engine exists).
 */
public interface Infrastructure {

    String kafkaBootstrapServers();

    String mongoUri();

    /** Keycloak with realm {@code inm}; started on first use only, since most tests do not need it. */
    KeycloakServer keycloak();

    /** The infrastructure this JVM uses, started on first call. */
    static Infrastructure shared() {
        return SharedInfrastructure.INSTANCE.get();
    }
}
