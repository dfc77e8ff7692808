package mx.gob.inm.preregistro.platform.deadletter;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The operators' dead-letter tools, in the service that sets {@code preregistro.ops.dead-letters.enabled=true}. */
@AutoConfiguration(afterName = "mx.gob.inm.preregistro.platform.PlatformAutoConfiguration")
@ConditionalOnProperty(name = "preregistro.ops.dead-letters.enabled", havingValue = "true")
@Import(DeadLetterController.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetters deadLetters(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka,
            MongoTemplate mongo, Clock clock) {
        return new DeadLetters(consumers, kafka, mongo, clock);
    }
}
