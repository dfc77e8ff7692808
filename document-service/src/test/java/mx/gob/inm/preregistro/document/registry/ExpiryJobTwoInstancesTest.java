package mx.gob.inm.preregistro.document.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.document.DocumentApplication;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.outbox.RelayLease;
import mx.gob.inm.preregistro.testing.TestStack;
import mx.gob.inm.preregistro.testing.TwoInstances;
import mx.gob.inm.preregistro.testing.TopicRecords;

/**
 * Two instances of document-service side by side, as two pods would run (issue #8): two application contexts of the
 * whole service in this JVM, each on its own random port, on the harness's real Kafka and Mongo-wire server, sharing
 * one database of their own (so no other test context's relay or job takes part). Each has its outbox relay polling
 * the same {@code documents} collection every 500 ms and its daily expiry job, which the test triggers on both at
 * the same moment, as the cron does at 00:05. Their Kafka listeners stay stopped: other test classes' contexts in
 * this JVM use those consumer groups, and consuming is proved in notification-service's two-instance test.
 */
@ExtendWith(TestStack.class)
class ExpiryJobTwoInstancesTest {

    private static final int DOCUMENTS = 40;
    private static final String DATABASE = "documents-two-instances-" + UUID.randomUUID();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static TwoInstances instances;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        instances = TwoInstances.start(DocumentApplication.class,
                "--server.port=0",
                "--spring.mongodb.database=" + DATABASE,
                "--spring.kafka.listener.auto-startup=false");
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
    @DisplayName("#8 R-DOC-10 two instances trigger the expiry job at the same moment: one takes the lease and expires "
            + "every document, the other skips; one DocumentExpired per document, and the two outbox relays polling "
            + "the same collection send each event exactly once")
    void expiryJobAndRelayRunOnceAcrossTwoInstances() throws Exception {
        List<UUID> ids = registerExpiredPassports();

        List<Integer> marked = triggerTogether(job(first), job(second));

        MongoTemplate mongo = first.getBean(MongoTemplate.class);
        assertThat(marked).as("documents marked by each instance").containsExactlyInAnyOrder(DOCUMENTS, 0);
        ConfigurableApplicationContext ran = marked.get(0) == DOCUMENTS ? first : second;
        Document jobLease = mongo.findById(ExpiryJob.LEASE, Document.class, "leases");
        assertThat(jobLease.getString("owner")).as("the instance that ran holds the job's lease")
                .isEqualTo(ran.getBean(RelayLease.class).owner());
        assertThat(mongo.count(query(where("_id").in(ids).and("status").is("EXPIRED")), "documents"))
                .isEqualTo(DOCUMENTS);

        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(query(where("outbox.0").exists(true)),
                "documents") == 0);
        Map<String, List<String>> events = eventsOn(Topics.DOCUMENTS,
                ids.stream().map(UUID::toString).collect(Collectors.toSet()));
        assertThat(events).hasSize(DOCUMENTS);
        assertThat(events.values()).as("each document's events, each once, in order").allSatisfy(types ->
                assertThat(types).containsExactly("DocumentRegistered", "DocumentValidated", "DocumentExpired"));

        double relayedByFirst = relayed(first);
        double relayedBySecond = relayed(second);
        System.out.printf("Two instances: expiry marked %s; relayed %.0f + %.0f events of %d documents%n",
                marked, relayedByFirst, relayedBySecond, DOCUMENTS);
        assertThat(relayedByFirst + relayedBySecond).isEqualTo(3.0 * DOCUMENTS);
        assertThat(List.of(relayedByFirst, relayedBySecond)).as("only the lease holder relays").contains(0.0);
    }

    /**
     * Passports whose expiry date passed (yesterday and earlier on the real calendar the job reads), stored as a
     * registration stores them, with DocumentRegistered and DocumentValidated waiting in their outboxes.
     */
    private static List<UUID> registerExpiredPassports() {
        Documents documents = first.getBean(Documents.class);
        Outbox outbox = first.getBean(Outbox.class);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            String account = "account-" + UUID.randomUUID();
            TravelDocument document = TravelDocument.register(account, new RegistrationForm(null, "P", "COL",
                    "AX" + (1_000_000 + i), "Restrepo", "Ana", "COL", "1990-03-14", "F",
                    "2025-0" + (1 + i % 9) + "-10", null, "ORDINARY", null, null), Instant.now());
            document.record(outbox.entryFor(document.registered(), account));
            document.record(outbox.entryFor(document.validated(), account));
            assertThat(documents.insert(document)).isTrue();
            ids.add(document.id());
        }
        return ids;
    }

    private static ExpiryJob job(ConfigurableApplicationContext instance) {
        return instance.getBean(ExpiryJob.class);
    }

    /** Both instances' jobs released at the same moment, each on its own thread, as their crons fire; what each marked. */
    private static List<Integer> triggerTogether(ExpiryJob... jobs) throws Exception {
        CyclicBarrier start = new CyclicBarrier(jobs.length);
        ExecutorService threads = Executors.newFixedThreadPool(jobs.length);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (ExpiryJob job : jobs) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return job.expire();
                }));
            }
            List<Integer> marked = new ArrayList<>();
            for (Future<Integer> run : runs) {
                marked.add(run.get());
            }
            return marked;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The event types on the topic per document of this test, in the order they were published. */
    private static Map<String, List<String>> eventsOn(String topic, Set<String> ids) {
        return TopicRecords.toEnd(topic).stream()
                .filter(record -> ids.contains(record.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(type(), Collectors.toList())));
    }

    private static Function<ConsumerRecord<String, String>, String> type() {
        return record -> json.readTree(record.value()).get("type").asString();
    }

    /** The events this instance's relay sent from the {@code documents} collection. */
    private static double relayed(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).find("preregistro.outbox.relayed").tag("collection", "documents")
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
