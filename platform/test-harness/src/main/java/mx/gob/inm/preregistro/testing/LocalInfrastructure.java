package mx.gob.inm.preregistro.testing;

import java.net.InetSocketAddress;

import com.icegreen.greenmail.util.GreenMail;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * No Docker needed: spring-kafka-test's embedded KRaft broker (a real Kafka broker in this JVM), the Mongo-wire
 * server in this JVM (in memory), and Keycloak as a real server process from the Maven zip.
 */
final class LocalInfrastructure implements Infrastructure {

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final String mongoUri;
    private KeycloakServer keycloak;

    private LocalInfrastructure(EmbeddedKafkaKraftBroker kafka, MongoServer mongo, String mongoUri) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.mongoUri = mongoUri;
    }

    static LocalInfrastructure start() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        LocalInfrastructure infrastructure = new LocalInfrastructure(
                kafka, mongo, "mongodb://127.0.0.1:" + address.getPort());
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "test-infrastructure-stop"));
        return infrastructure;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public GreenMail mail() {
        return SharedMailServer.INSTANCE.get();
    }

    @Override
    public String mongoUri() {
        return mongoUri;
    }

    @Override
    public synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            keycloak = KeycloakProcess.startShared();
        }
        return keycloak;
    }

    private void stop() {
        mongo.shutdownNow();
        kafka.destroy();
    }
}
