package mx.gob.inm.preregistro.testing;

import java.time.Duration;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The same servers on real images (Maven profile {@code containers}): {@code apache/kafka}, {@code mongo},
 * Keycloak. Tests are skipped, not failed, where no Docker engine runs.
 */
final class ContainerInfrastructure implements Infrastructure {

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;
    private KeycloakServer keycloak;

    private ContainerInfrastructure(KafkaContainer kafka, MongoDBContainer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static ContainerInfrastructure start() {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "profile 'containers' needs a Docker engine; none is running here");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8");
        kafka.start();
        mongo.start();
        return new ContainerInfrastructure(kafka, mongo);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public GreenMail mail() {
        return SharedMailServer.INSTANCE.get();
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }

    @Override
    @SuppressWarnings("resource")
    public synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            String password = UUID.randomUUID().toString();
            String secret = UUID.randomUUID().toString();
            String identitySecret = UUID.randomUUID().toString();
            GenericContainer<?> container = new GenericContainer<>("quay.io/keycloak/keycloak:"
                    + System.getProperty("keycloak.version", "26.4.7"))
                    .withCommand("start-dev", "--import-realm", "--http-port=8080")
                    .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                    .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", password)
                    .withEnv("GATEWAY_CLIENT_SECRET", secret)
                    .withEnv("IDENTITY_CLIENT_SECRET", identitySecret)
                    .withEnv("PUBLIC_BASE_URL", "http://localhost:8080")
                    .withCopyFileToContainer(MountableFile.forHostPath(System.getProperty("keycloak.realm.dir")),
                            "/opt/keycloak/data/import")
                    .withExposedPorts(8080)
                    .waitingFor(Wait.forHttp("/realms/inm").forStatusCode(200)
                            .withStartupTimeout(Duration.ofMinutes(4)));
            container.start();
            keycloak = new KeycloakServer("http://" + container.getHost() + ":" + container.getMappedPort(8080),
                    "admin", password, secret, identitySecret);
        }
        return keycloak;
    }
}
