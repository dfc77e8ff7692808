package mx.gob.inm.preregistro.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.fmme.FmmeIssued;
import mx.gob.inm.preregistro.notification.NotificationIntegrationTest;

/**
 * Figures, not a gate: 100 FMME approvals with no outage, then 100 during an SMTP outage of
 * {@code -Dbenchmark.outage-ms} (default 3000; the test retry window is about 5.5 s, so a longer outage turns
 * into NotificationFailed). Prints how long until every mail had an outcome and how each traveller ended.
 * Run with {@code -Dbenchmark=true -Dtest=OutageBurstBenchmark}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OutageBurstBenchmark extends NotificationIntegrationTest {

    private static final int TRAVELLERS = 100;

    @Test
    @DisplayName("R-NOT-2 R-NOT-3 benchmark: 100 approvals, without and with an SMTP outage")
    void burst() {
        report("no outage", run(0));
        report("outage " + Long.getLong("benchmark.outage-ms", 3000) + " ms",
                run(Long.getLong("benchmark.outage-ms", 3000)));
    }

    private Result run(long outageMillis) {
        List<EventEnvelope<FmmeIssued>> burst = new ArrayList<>();
        for (int i = 0; i < TRAVELLERS; i++) {
            UUID id = UUID.randomUUID();
            burst.add(envelope(new FmmeIssued(id, "FMME-BENCH-" + i, UUID.randomUUID().toString(),
                    "banco" + i + "." + UUID.randomUUID() + "@example.co", "Luis", Language.es,
                    LocalDate.of(2026, 12, 30), "/api/fmme/" + id + "/fmme.pdf", "/api/fmme/" + id + "/qr.pdf",
                    false)));
        }
        long start = System.nanoTime();
        if (outageMillis > 0) {
            relay.cut();
        }
        burst.forEach(event -> publish(Topics.FMME, event));
        long restored = start;
        if (outageMillis > 0) {
            sleep(outageMillis);
            relay.restore();
            restored = System.nanoTime();
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> burst.stream()
                .allMatch(event -> sentFor(event.eventId()).size() + failedFor(event.eventId()).size() >= 2));
        long end = System.nanoTime();
        sleep(2000);
        int exactlyTwo = 0;
        int reportedFailed = 0;
        int duplicated = 0;
        for (EventEnvelope<FmmeIssued> event : burst) {
            int mails = mailsTo(event.payload().email()).size();
            exactlyTwo += mails == 2 ? 1 : 0;
            duplicated += mails > 2 ? 1 : 0;
            reportedFailed += failedFor(event.eventId()).isEmpty() ? 0 : 1;
        }
        assertThat(duplicated).as("no traveller gets a mail twice").isZero();
        return new Result((end - start) / 1_000_000, (end - restored) / 1_000_000, exactlyTwo, reportedFailed);
    }

    private static void report(String label, Result result) {
        System.out.printf("BENCHMARK notification %s: %d travellers, all outcomes after %d ms (%d ms after SMTP"
                + " returned, %.1f mails/s); exactly two mails: %d, reported failed: %d, duplicated: 0%n", label,
                TRAVELLERS, result.totalMillis, result.afterRestoreMillis,
                2.0 * TRAVELLERS * 1000 / Math.max(1, result.totalMillis), result.exactlyTwo, result.reportedFailed);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Result(long totalMillis, long afterRestoreMillis, int exactlyTwo, int reportedFailed) {
    }
}
