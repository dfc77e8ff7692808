package mx.gob.inm.preregistro.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.platform.inbox.IdempotentConsumer;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.testing.IntegrationTest;

@IntegrationTest(properties = {"preregistro.ops.dead-letters.enabled=true", "preregistro.kafka.max-retries=1",
        "preregistro.inbox.take-over-after=2s", "spring.application.name=probe-service"})
@Import(DeadLettersTest.Probe.class)
class DeadLettersTest {

    static final String TOPIC = "deadletters-probe.v1";
    static final String INBOX_TOPIC = "inbox-probe.v1";
    static final String CROWDED_DLT = "crowded-probe.v1-probe-dlt";
    static final String INBOX_CONSUMER = "probe.inbox";

    @Autowired
    DeadLetters deadLetters;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    Probe probe;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaAdmin kafkaAdmin;

    /** A consumer that fails on what it is told is poison until it is "fixed". */
    @TestConfiguration
    static class Probe {
        final List<String> handled = new CopyOnWriteArrayList<>();
        @Autowired
        IdempotentConsumer inbox;
        volatile boolean fixed;

        @Bean
        NewTopic probeTopic() {
            return TopicBuilder.name(TOPIC).partitions(1).build();
        }

        @Bean
        NewTopic crowdedDeadLetterTopic() {
            return TopicBuilder.name(CROWDED_DLT).partitions(1).build();
        }

        @Bean
        NewTopic inboxProbeTopic() {
            return TopicBuilder.name(INBOX_TOPIC).partitions(1).build();
        }

        /** Handles each event id once through the inbox, as every service's listeners do. */
        @KafkaListener(id = "inbox-probe", topics = INBOX_TOPIC)
        void onceEach(String eventId) {
            inbox.handleOnce(INBOX_CONSUMER, new EventEnvelope<>(UUID.fromString(eventId), "ProbeEvent", 1,
                    Instant.now(), "probe-" + eventId, null, eventId), () -> handled.add(eventId));
        }

        @KafkaListener(id = "deadletters-probe", topics = TOPIC)
        void on(String value) {
            if (value.contains("poison") && !fixed) {
                throw new IllegalStateException("cannot handle " + value);
            }
            handled.add(value);
        }
    }

    @Test
    @DisplayName("R-OPS-4 a record that keeps failing lands in <topic>-<service>-dlt with the error; an operator inspects it and replays it once to its topic, where the fixed consumer handles it")
    void deadLetterAndReplay() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String poison = "{\"eventId\":\"" + eventId + "\",\"type\":\"ProbeEvent\",\"payload\":\"poison\"}";

        kafka.send(TOPIC, "key-1", poison).get();

        DeadLetter letter = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.list().stream()
                .filter(l -> eventId.equals(l.eventId())).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(letter.id()).startsWith(TOPIC + "-probe-dlt:");
        assertThat(letter.originalTopic()).isEqualTo(TOPIC);
        assertThat(letter.type()).isEqualTo("ProbeEvent");
        assertThat(letter.error()).contains("cannot handle");
        assertThat(deadLetters.find(letter.id())).get().extracting(DeadLetter::value).isEqualTo(poison);
        assertThat(probe.handled).doesNotContain(poison);

        probe.fixed = true;
        DeadLetter replayed = deadLetters.replay(letter.id(), "operadora");

        assertThat(replayed.replayedBy()).isEqualTo("operadora");
        assertThat(deadLetters.list()).filteredOn(l -> l.id().equals(letter.id())).singleElement()
                .extracting(DeadLetter::replayedBy).isEqualTo("operadora");
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.handled.contains(poison));
        assertThatThrownBy(() -> deadLetters.replay(letter.id(), "operadora"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("dead_letter_replayed"));
        assertThat(deadLetters.find(TOPIC + "-probe-dlt:0:999999")).isEmpty();
        assertThat(deadLetters.find("not-an-id")).isEmpty();
    }

    @Test
    @DisplayName("R-OPS-4 the list holds the last 1000 dead letters of a topic; an older one is still inspected by its id, read at its own offset")
    void olderThanTheList() throws Exception {
        int count = DeadLetters.MAX_PER_TOPIC + 1;
        for (int n = 0; n < count; n++) {
            kafka.send(CROWDED_DLT, "crowded-" + n, "{\"type\":\"ProbeEvent\",\"n\":" + n + "}");
        }
        kafka.flush();

        List<DeadLetter> listed = deadLetters.list().stream().filter(l -> l.id().startsWith(CROWDED_DLT + ":"))
                .toList();

        assertThat(listed).hasSize(DeadLetters.MAX_PER_TOPIC).noneMatch(l -> l.key().equals("crowded-0"));
        assertThat(listed).anyMatch(l -> l.key().equals("crowded-" + (count - 1)));
        assertThat(deadLetters.find(CROWDED_DLT + ":0:0")).get().extracting(DeadLetter::key).isEqualTo("crowded-0");
        assertThat(deadLetters.find(CROWDED_DLT + ":0:500")).get().extracting(DeadLetter::key)
                .isEqualTo("crowded-500");
        assertThat(deadLetters.find(CROWDED_DLT + ":0:" + count)).isEmpty();
    }

    @Test
    @DisplayName("R-OPS-4 R-SEC an id that cannot name a dead letter (a partition or an offset beyond a number, a topic name Kafka refuses, a topic that does not exist) names none, and creates no topic")
    void idsThatNameNothing() throws Exception {
        for (String id : List.of(CROWDED_DLT + ":99999999999:0", CROWDED_DLT + ":0:99999999999999999999",
                CROWDED_DLT + ":-1:0", "a b-dlt:0:0", "a/b-dlt:0:0", "a".repeat(300) + "-dlt:0:0", "-dlt:0:0",
                CROWDED_DLT + ":0", CROWDED_DLT + "::0", "no-such-topic-dlt:0:0")) {
            assertThat(deadLetters.find(id)).as(id).isEmpty();
        }
        try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            assertThat(admin.listTopics().names().get()).as("looking a topic up does not create it")
                    .doesNotContain("no-such-topic-dlt");
        }
    }

    @Test
    @DisplayName("R-OPS-4 R-NOT-2 an event an instance was handling when it died is handed over once the take-over time has passed and handled once, never dead-lettered")
    void abandonedEventIsTakenOver() throws Exception {
        String eventId = UUID.randomUUID().toString();
        mongo.insert(new Document("consumer", INBOX_CONSUMER).append("eventId", eventId)
                .append("state", "PROCESSING").append("startedAt", new Date()), "processed_events");

        kafka.send(INBOX_TOPIC, "key-2", eventId).get();

        await().atMost(Duration.ofSeconds(40)).until(() -> probe.handled.contains(eventId));
        Thread.sleep(1000);
        assertThat(probe.handled.stream().filter(eventId::equals)).hasSize(1);
        assertThat(deadLetters.list()).noneMatch(letter -> eventId.equals(letter.eventId())
                || String.valueOf(letter.value()).contains(eventId));
    }
}
