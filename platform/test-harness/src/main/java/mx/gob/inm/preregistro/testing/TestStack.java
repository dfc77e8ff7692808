package mx.gob.inm.preregistro.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that points Spring Boot at the shared {@link Infrastructure} before the test's application
 * context starts: {@code spring.kafka.bootstrap-servers}, {@code spring.mongodb.uri} and {@code spring.mail.*} become system properties,
 * which outrank every configuration file. The servers start once per JVM; each later class reuses them.
 */
public class TestStack implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Infrastructure infrastructure = Infrastructure.shared();
        System.setProperty("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        System.setProperty("spring.mongodb.uri", infrastructure.mongoUri());
        System.setProperty("spring.mail.host", "127.0.0.1");
        System.setProperty("spring.mail.port", String.valueOf(infrastructure.mail().getSmtp().getPort()));
    }
}
