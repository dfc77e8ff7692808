package mx.gob.inm.preregistro.system;

import static mx.gob.inm.preregistro.system.TravellerSession.read;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.contracts.Topics;

/**
 * {@code ./preregistro bench}: travellers (accounts and passports prepared beforehand) fill and submit
 * pre-registrations concurrently through the gateway of the running stack for a while; each submission is timed from
 * ENVIAR INFORMACIÓN until notification-service reports the FMM e-mail accepted by the SMTP server
 * ({@code NotificationSent}), and at the end the SMTP server's mailboxes are counted: every approval must have
 * exactly one FMM e-mail and one QR receipt e-mail. Then the gateway's own cost: the same request through the
 * gateway and straight to its service, side by side, for a public request (the seal's keys: nearly no work in the
 * service, so the gateway's whole fixed cost shows) and a signed-in traveller's read of a pre-registration (the
 * session's cookie to the gateway, which relays the traveller's token; the token itself to the service). Prints figures, asserts nothing about speed; among them the
 * processor time each approval of the measured minutes took, in all and by process ({@link ProcessorTime}), which
 * moves much less than the rate with the machine's speed of the day.
 *
 * <p>The same load runs first for a warm-up: a freshly started stack compiles its hot code while it serves (the
 * optimising compiler takes about three minutes of load to settle), and the queue it builds meanwhile would be
 * measured as if it were the sustained rate. The warm-up's own figures are printed on their own line; its
 * submissions are counted for lost and duplicated e-mails like the others.
 *
 * <p>Knobs (system properties): {@code bench.travellers} (default 150; each has {@link #TRIPS} entry dates),
 * {@code bench.workers} (concurrent travellers, 16), {@code bench.warmup} (seconds, 180), {@code bench.seconds}
 * (measured, 120), {@code bench.drain} (seconds to wait for the last e-mails, 300: when the load outran the
 * pipeline, its backlog is still delivered after the load ends; an e-mail still missing then is lost).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class EndToEndBenchmark {

    private static final String PASSWORD = "Viajera#2026";
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    /** Trips a traveller can submit: one entry date each, two days ahead and on, within the 90-day horizon. */
    private static final int TRIPS = 85;

    private final LocalStack stack = LocalStack.onDefaultPorts();
    private final int travellers = Integer.getInteger("bench.travellers", 150);
    private final int workers = Integer.getInteger("bench.workers", 16);
    private final Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmup", 180));
    private final Duration load = Duration.ofSeconds(Integer.getInteger("bench.seconds", 120));
    private final Duration drain = Duration.ofSeconds(Integer.getInteger("bench.drain", 300));

    /** When each approved pre-registration was submitted, by id. */
    private final Map<String, Instant> submitted = new ConcurrentHashMap<>();
    /** When the FMM e-mail of each pre-registration was accepted by the SMTP server, by id. */
    private final Map<String, Instant> mailed = new ConcurrentHashMap<>();
    /** The last approved pre-registration of each traveller. */
    private final Map<Traveller, String> approvedOf = new ConcurrentHashMap<>();
    private final AtomicInteger mailedTwice = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    /** Submissions refused by the daily limit per account, which a stack the benchmark started raises. */
    private final AtomicInteger limited = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    /** The submission at which every traveller's entry dates were used up (0: they lasted). */
    private final AtomicInteger datesUsedUp = new AtomicInteger();

    @Test
    @DisplayName("R-FMM-1 R-NOT-1 benchmark: pre-registrations submitted concurrently through the gateway, submit to FMM e-mail, nothing lost or duplicated; gateway overhead")
    void submitToMail() throws Exception {
        List<Traveller> prepared = prepare();
        AtomicBoolean listening = new AtomicBoolean(true);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<?> listener = background.submit(() -> listen(listening));

        Instant warmUpStart = Instant.now();
        Instant start = warmUpStart.plus(warmUp);
        Instant end = start.plus(load);
        long untilStart = Duration.between(Instant.now(), start).toMillis();
        CompletableFuture<ProcessorTime> atStart = CompletableFuture.supplyAsync(() -> ProcessorTime.of(stack),
                CompletableFuture.delayedExecutor(untilStart, TimeUnit.MILLISECONDS));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(pool.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    int n = next.getAndIncrement();
                    int trip = 1 + n / prepared.size();
                    if (trip > TRIPS) {
                        datesUsedUp.compareAndSet(0, n);
                        return null;
                    }
                    submitOne(prepared.get(n % prepared.size()), trip);
                }
                return null;
            }));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        Instant stopped = Instant.now();
        ProcessorTime atEnd = ProcessorTime.of(stack);
        double seconds = Duration.between(start, stopped).toMillis() / 1000.0;
        pool.shutdown();

        Instant drainUntil = Instant.now().plus(drain);
        while (!mailed.keySet().containsAll(submitted.keySet()) && Instant.now().isBefore(drainUntil)) {
            Thread.sleep(250);
        }
        Thread.sleep(3000);   // a duplicate would come right after the first
        listening.set(false);
        listener.get();
        background.shutdown();

        long[] warmUpLatencies = latencies(at -> at.isBefore(start));
        long warmUpSubmitted = submitted.values().stream().filter(at -> at.isBefore(start)).count();
        long[] latencies = latencies(at -> !at.isBefore(start));
        long measured = submitted.size() - warmUpSubmitted;
        int[] inMailboxes = countMailboxes(prepared);
        int lost = Math.max(0, submitted.size() - inMailboxes[0]) + Math.max(0, submitted.size() - inMailboxes[1]);
        int duplicated = Math.max(0, inMailboxes[0] - submitted.size()) + Math.max(0, inMailboxes[1] - submitted.size());
        double[] keys = gatewayOverhead(publicKeys("GATEWAY_PORT"), publicKeys("FMME_PORT"));
        Map.Entry<Traveller, String> sample = approvedOf.entrySet().iterator().next();
        String path = "/api/preregistrations/" + sample.getValue();
        String token = stack.keycloak().accessToken(sample.getKey().session().email, PASSWORD);
        double[] read = gatewayOverhead(
                HttpRequest.newBuilder(URI.create(stack.url("GATEWAY_PORT") + path))
                        .header("Cookie", sample.getKey().session().cookieHeader()).build(),
                HttpRequest.newBuilder(URI.create(stack.url("PREREGISTRATION_PORT") + path))
                        .header("Authorization", "Bearer " + token).build());

        List<String> lines = new ArrayList<>();
        if (datesUsedUp.get() > 0) {
            lines.add(String.format("bench: the travellers' entry dates (%d each) ran out after %d submissions, %.0f s "
                    + "before the end; the rate below is over the time the load ran: rerun with more --travellers",
                    TRIPS, datesUsedUp.get(), Duration.between(stopped, end).toMillis() / 1000.0));
        }
        if (limited.get() > 0) {
            lines.add(String.format("bench: %d submissions refused with 429 (the daily submissions per account): the "
                    + "stack must run with SUBMISSIONS_PER_DAY raised, as ./preregistro bench starts it: "
                    + "./preregistro down && ./preregistro bench", limited.get()));
        }
        lines.addAll(List.of(
                String.format("bench: warm-up (not in the figures below): %d submitted in %d s, %.1f/s, p50 %d ms, "
                        + "p95 %d ms, p99 %d ms", warmUpSubmitted, warmUp.toSeconds(),
                        warmUpSubmitted / (double) Math.max(1, warmUp.toSeconds()), percentile(warmUpLatencies, 50),
                        percentile(warmUpLatencies, 95), percentile(warmUpLatencies, 99)),
                String.format("bench: %d travellers, %d concurrent, %d s of warm-up then %.0f s measured; %d approved "
                        + "(%d in the warm-up), %d refused (4xx), %d failed (5xx or I/O); SMTP server holds %d FMM and "
                        + "%d QR receipt e-mails for them; %d NotificationSent twice",
                        prepared.size(), workers, warmUp.toSeconds(), seconds, submitted.size(), warmUpSubmitted,
                        refused.get(), failed.get(), inMailboxes[0], inMailboxes[1], mailedTwice.get()),
                "bench: the measured minutes took " + atStart.get().perUnit(atEnd, measured, seconds),
                String.format("bench: gateway overhead on GET /api/fmme/keys (public): p50 %.2f ms through the "
                        + "gateway, %.2f ms direct, ratio %.2f", keys[0], keys[1], keys[0] / keys[1]),
                String.format("bench: gateway overhead on a traveller's GET /api/preregistrations/{id} (the session's "
                        + "cookie through the gateway, the traveller's token direct): p50 %.2f ms through the gateway, "
                        + "%.2f ms direct, ratio %.2f", read[0], read[1], read[0] / read[1]),
                // lost and duplicated: of every approval, the warm-up's included
                String.format("bench: %d submitted, %.1f/s sustained, p50 %d ms, p95 %d ms, p99 %d ms, lost %d, duplicated %d",
                        measured, measured / seconds, percentile(latencies, 50), percentile(latencies, 95),
                        percentile(latencies, 99), lost, duplicated)));
        lines.forEach(System.out::println);
        Path report = stack.varDir().resolve("bench/last.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
    }

    /** Submit-to-e-mail times in ms of the approvals submitted at a moment {@code when} accepts, sorted. */
    private long[] latencies(Predicate<Instant> when) {
        return submitted.entrySet().stream()
                .filter(entry -> when.test(entry.getValue()) && mailed.containsKey(entry.getKey()))
                .mapToLong(entry -> Duration.between(entry.getValue(), mailed.get(entry.getKey())).toMillis())
                .sorted().toArray();
    }

    /** A traveller with an account, signed in, with a registered passport. */
    private record Traveller(TravellerSession session, String documentId) {
    }

    private List<Traveller> prepare() throws Exception {
        TravellerSession probe = TravellerSession.visitor(stack, "probe@example.co");
        HttpResponse<String> captcha = probe.get("/api/captcha");
        if (captcha.headers().firstValue("X-Captcha-Answer").isEmpty()) {
            throw new IllegalStateException("the stack must run with CAPTCHA_TEST_MODE=true for the benchmark's "
                    + "travellers to pass the captchas: ./preregistro down && CAPTCHA_TEST_MODE=true ./preregistro up");
        }
        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Traveller>> futures = new ArrayList<>();
        for (int i = 0; i < travellers; i++) {
            futures.add(pool.submit(() -> {
                TravellerSession session = TravellerSession.registered(stack, "Bench", PASSWORD);
                String number = "BE" + (1_000_000 + (int) (Math.random() * 8_999_999));
                return new Traveller(session, TravellerJourneyTest.registerPassport(session, number));
            }));
        }
        List<Traveller> prepared = new ArrayList<>();
        for (Future<Traveller> future : futures) {
            prepared.add(future.get());
        }
        pool.shutdown();
        System.out.printf("bench: %d travellers prepared (account, activation, sign-in, passport) in %d s%n",
                prepared.size(), Duration.between(started, Instant.now()).toSeconds());
        return prepared;
    }

    /** The four steps and ENVIAR INFORMACIÓN, for the traveller's trip number {@code trip} (its own entry date). */
    private void submitOne(Traveller traveller, int trip) {
        LocalDate entry = LocalDate.now(MEXICO).plusDays(2 + trip);
        try {
            String id = TravellerJourneyTest.readyToSubmit(traveller.session(), traveller.documentId(), entry);
            Instant at = Instant.now();
            HttpResponse<String> decision = TravellerJourneyTest.submit(traveller.session(), id);
            if (decision.statusCode() == 200 && "APPROVED".equals(read(decision).get("status").asString())) {
                submitted.put(id, at);
                approvedOf.put(traveller, id);
            } else if (decision.statusCode() < 500) {
                refused.incrementAndGet();
                if (decision.statusCode() == 429 && "submission_limit".equals(read(decision).get("code").asString())) {
                    limited.incrementAndGet();
                }
            } else {
                failed.incrementAndGet();
            }
        } catch (AssertionError | Exception e) {
            failed.incrementAndGet();
        }
    }

    /** Reads NotificationSent from the end of the notifications topic: when each FMM e-mail was accepted. */
    private void listen(AtomicBoolean listening) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + stack.port("KAFKA_PORT"),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATIONS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Set<String> seen = ConcurrentHashMap.newKeySet();
            while (listening.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    JsonNode event = TravellerSession.JSON.readTree(record.value());
                    JsonNode payload = event.get("payload");
                    if ("NotificationSent".equals(event.get("type").asString())
                            && "FMME_LINK".equals(payload.get("kind").asString())) {
                        String id = payload.get("relatedId").asString();
                        if (!seen.add(id + payload.get("causeEventId").asString())) {
                            mailedTwice.incrementAndGet();
                        }
                        mailed.putIfAbsent(id, Instant.parse(event.get("occurredAt").asString()));
                    }
                }
            }
        }
    }

    /** FMM e-mails and QR receipt e-mails the SMTP server holds for the travellers, read over IMAP. */
    private int[] countMailboxes(List<Traveller> prepared) throws Exception {
        int fmm = 0;
        int qr = 0;
        for (Traveller traveller : prepared) {
            for (String subject : stack.subjectsTo(traveller.session().email)) {
                if (subject.contains("(FMM)")) {
                    fmm++;
                } else if (subject.contains("código QR")) {
                    qr++;
                }
            }
        }
        return new int[] {fmm, qr};
    }

    private HttpRequest publicKeys(String port) {
        return HttpRequest.newBuilder(URI.create(stack.url(port) + "/api/fmme/keys")).build();
    }

    /**
     * p50 in ms of the same request through the gateway and straight to its service, interleaved on one client
     * (a keep-alive connection to each).
     */
    private static double[] gatewayOverhead(HttpRequest viaGateway, HttpRequest direct) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int rounds = 2000;
        long[] throughGateway = new long[rounds];
        long[] straight = new long[rounds];
        for (int i = -200; i < rounds; i++) {   // the first 200 warm both paths up
            long gatewayNanos = time(http, viaGateway);
            long directNanos = time(http, direct);
            if (i >= 0) {
                throughGateway[i] = gatewayNanos;
                straight[i] = directNanos;
            }
        }
        Arrays.sort(throughGateway);
        Arrays.sort(straight);
        return new double[] {throughGateway[rounds / 2] / 1e6, straight[rounds / 2] / 1e6};
    }

    private static long time(HttpClient http, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return elapsed;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
