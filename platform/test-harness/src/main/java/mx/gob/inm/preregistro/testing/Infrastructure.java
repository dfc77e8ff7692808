package mx.gob.inm.preregistro.testing;

/**
 * The real servers an integration test talks to, started once per test JVM and shared by every test class.
 * Two ways to get them: {@link LocalInfrastructure} (the default, no Docker: embedded KRaft broker, in-process
 * Mongo-wire server, GreenMail SMTP, Keycloak from the Maven zip) and {@link ContainerInfrastructure} (Maven profile
 * {@code containers}: real images through Testcontainers, where a Docker engine exists).
 */
public interface Infrastructure {

    String kafkaBootstrapServers();

    String mongoUri();

    /** A real SMTP server (GreenMail, in this JVM) whose received mails tests read. */
    com.icegreen.greenmail.util.GreenMail mail();

    /** Keycloak with realm {@code inm}; started on first use only, since most tests do not need it. */
    KeycloakServer keycloak();

    /** The infrastructure this JVM uses, started on first call. */
    static Infrastructure shared() {
        return SharedInfrastructure.INSTANCE.get();
    }
}
