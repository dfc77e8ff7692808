package mx.gob.inm.preregistro.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.contracts.notification.NotificationSent;
import mx.gob.inm.preregistro.platform.events.EventJson;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.TestStack;
import mx.gob.inm.preregistro.testing.TwoInstances;
import mx.gob.inm.preregistro.testing.TopicRecords;

/**
 * Two instances of notification-service side by side, as two pods would run (issue #8): two application contexts
 * of the whole service in this JVM, each on its own random port, on the harness's real Kafka, Mongo-wire server and
 * GreenMail, with the same consumer groups and the same database. Each instance runs one consumer thread per
 * listener, so the 3 partitions of {@code identity.accounts.v1} are split between the two (with 3 threads each,
 * one instance may hold all of them and the other idle, which proves nothing).
 *
 * <p>Tagged {@code own-jvm}: the pom runs it in a JVM of its own, since the one context the module's other tests
 * share ({@link NotificationServiceTest}) would otherwise join the same consumer groups as a third instance.
 */
@Tag("own-jvm")
@ExtendWith(TestStack.class)
class TwoInstancesTest {

    private static final int EVENTS = 60;
    private static final String CONSUMER = "notification.account-mail";

    private static TwoInstances instances;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        instances = TwoInstances.start(NotificationApplication.class,
                "--server.port=0",
                "--preregistro.notification.consumers=1");
        first = instances.first();
        second = instances.second();
    }

    @AfterAll
    static void stopThem() {
        if (instances != null) {
            instances.close();
        }
    }


    @Test
    @DisplayName("#8 R-NOT-3 two instances in one consumer group split the partitions and send each e-mail once: "
            + "N AccountRegistered give N e-mails and N NotificationSent, each relayed once by the instance holding "
            + "the outbox lease")
    void eachEventHandledOnceAcrossTwoInstances() throws Exception {
        List<TopicPartition> partitions = partitionsOf(Topics.IDENTITY_ACCOUNTS);
        awaitSplit(partitions.size());
        Collection<TopicPartition> ofFirst = assigned(first);
        Collection<TopicPartition> ofSecond = assigned(second);
        assertThat(ofFirst).as("partitions are split, not shared").doesNotContainAnyElementsOf(ofSecond);

        EventJson json = first.getBean(EventJson.class);
        KafkaTemplate<String, String> kafka = kafkaOf(first);
        Map<UUID, String> recipients = new HashMap<>();
        for (int i = 0; i < EVENTS; i++) {
            String email = "pareja." + i + "." + UUID.randomUUID() + "@example.co";
            EventEnvelope<AccountRegistered> event = EventEnvelope.of(new AccountRegistered(
                    UUID.randomUUID().toString(), email, "Ana", "Pérez", Language.es,
                    "https://localhost:8080/activar?token=" + i, Instant.now().plus(Duration.ofHours(72))),
                    null, null, Clock.systemUTC());
            kafka.send(Topics.IDENTITY_ACCOUNTS, event.key(), json.write(event)).join();
            recipients.put(event.eventId(), email);
        }

        awaitAllConsumed(partitions);
        MongoTemplate mongo = first.getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> mongo.count(query(where("outbox.0").exists(true)), "notifications") == 0);

        Map<String, Long> mailsPerRecipient = Arrays.stream(Infrastructure.shared().mail().getReceivedMessages())
                .map(TwoInstancesTest::recipient).filter(recipients::containsValue)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(mailsPerRecipient).as("one e-mail to each").hasSize(EVENTS).allSatisfy((to, count) ->
                assertThat(count).as(to).isEqualTo(1));

        List<NotificationSent> sent = TopicRecords.toEnd(Topics.NOTIFICATIONS).stream()
                .map(record -> json.read(record.value()).payload())
                .filter(NotificationSent.class::isInstance).map(NotificationSent.class::cast)
                .filter(outcome -> recipients.containsKey(outcome.causeEventId())).toList();
        assertThat(sent).extracting(NotificationSent::causeEventId).as("one NotificationSent per event, none twice")
                .hasSize(EVENTS).doesNotHaveDuplicates();

        double handledByFirst = count(first, "preregistro.events.handled", "consumer", CONSUMER);
        double handledBySecond = count(second, "preregistro.events.handled", "consumer", CONSUMER);
        double duplicates = count(first, "preregistro.events.duplicates", "consumer", CONSUMER)
                + count(second, "preregistro.events.duplicates", "consumer", CONSUMER);
        double relayedByFirst = count(first, "preregistro.outbox.relayed", "collection", "notifications");
        double relayedBySecond = count(second, "preregistro.outbox.relayed", "collection", "notifications");
        System.out.printf("Two instances: partitions %s | %s; handled %.0f + %.0f of %d events (%.0f duplicates "
                + "skipped); %d e-mails; NotificationSent relayed %.0f + %.0f%n", ofFirst, ofSecond, handledByFirst,
                handledBySecond, EVENTS, duplicates, mailsPerRecipient.size(), relayedByFirst, relayedBySecond);
        assertThat(handledByFirst + handledBySecond).isEqualTo(EVENTS);
        assertThat(handledByFirst).as("the first instance took part").isPositive();
        assertThat(handledBySecond).as("the second instance took part").isPositive();
        assertThat(relayedByFirst + relayedBySecond).isEqualTo(EVENTS);
        assertThat(List.of(relayedByFirst, relayedBySecond)).as("only the lease holder relays").contains(0.0);
    }

    /**
     * Waits until the group's rebalance is over: each instance's account-mail consumer holds some partitions of
     * {@code identity.accounts.v1} and together they hold all of them.
     */
    private static void awaitSplit(int partitions) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !assigned(first).isEmpty() && !assigned(second).isEmpty()
                && Stream.concat(assigned(first).stream(), assigned(second).stream()).distinct().count() == partitions);
    }

    private static Collection<TopicPartition> assigned(ConfigurableApplicationContext instance) {
        Collection<TopicPartition> assigned = instance.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(CONSUMER).getAssignedPartitions();
        return assigned == null ? List.of() : List.copyOf(assigned);
    }

    private static List<TopicPartition> partitionsOf(String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        }
    }

    /**
     * Waits until the group has committed every record of the topic: the listeners commit after handling, so
     * from then on each e-mail a handled event asked for is sent and its outcome is in the outbox, duplicates
     * included. Counting afterwards needs no pause to see that nothing more comes.
     */
    private static void awaitAllConsumed(List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CONSUMER)
                        .partitionsToOffsetAndMetadata().get();
                return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    return end.getValue().offset() == 0 || done != null && done.offset() >= end.getValue().offset();
                });
            });
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.shared().kafkaBootstrapServers()));
    }

    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, String> kafkaOf(ConfigurableApplicationContext instance) {
        return instance.getBean(KafkaTemplate.class);
    }

    private static String recipient(Message mail) {
        try {
            return ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (Exception e) {
            return "";
        }
    }

    /** The sum of an instance's counters of that name with that tag. */
    private static double count(ConfigurableApplicationContext instance, String name, String tag, String value) {
        return instance.getBean(MeterRegistry.class).find(name).tag(tag, value).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
