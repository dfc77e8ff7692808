package mx.gob.inm.preregistro.preregistration.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

/**
 * Prints how long a traveller waits for ENVIAR INFORMACIÓN (decision, one document write with its events, the
 * entry-date claim) and for the whole wizard, on this machine's real Kafka and Mongo-wire server. Figures only, no
 * timed asserts; runs with {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SubmissionBenchmark extends PreRegistrationIntegrationTest {

    private static final int ROUNDS = 40;
    /** Within the daily submissions of one account ({@code submissions-per-day}). */
    private static final int SUBMISSIONS_PER_TRAVELLER = 20;

    @Test
    @DisplayName("R-PRE-8 benchmark: submission and whole-wizard latency")
    void submissionLatency() {
        TestTraveller traveller = null;
        String documentId = null;
        List<Long> submitMicros = new ArrayList<>();
        List<Long> wizardMicros = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            if (round % SUBMISSIONS_PER_TRAVELLER == 0) {
                traveller = traveller();
                documentId = colombianPassport(traveller);
            }
            LocalDate entry = TODAY.plusDays(1 + round % 80);
            long start = System.nanoTime();
            String id = completeDraft(traveller, documentId, "NO_NUE", entry, entry.plusDays(10));
            long submitStart = System.nanoTime();
            assertThat(read(submit(traveller, id)).get("status").asString()).isEqualTo("APPROVED");
            long end = System.nanoTime();
            if (round >= 5) {
                submitMicros.add((end - submitStart) / 1000);
                wizardMicros.add((end - start) / 1000);
            }
        }
        System.out.printf("BENCHMARK preregistration submit: median %.1f ms, p90 %.1f ms (%d rounds)%n",
                percentile(submitMicros, 50), percentile(submitMicros, 90), submitMicros.size());
        System.out.printf("BENCHMARK preregistration whole wizard (create, 3 steps, 3 PDFs, submit): median %.1f ms,"
                + " p90 %.1f ms%n", percentile(wizardMicros, 50), percentile(wizardMicros, 90));
    }

    private static double percentile(List<Long> micros, int percent) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1000.0;
    }
}
