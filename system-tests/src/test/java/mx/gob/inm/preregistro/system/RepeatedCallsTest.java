package mx.gob.inm.preregistro.system;

import static mx.gob.inm.preregistro.system.TravellerSession.expect;
import static mx.gob.inm.preregistro.system.TravellerSession.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one signed-in traveller, or a stranger who knows an address, can make the whole stack do by repeating calls
 * that are each legitimate (issue #9): the e-mails sent again and the drafts kept are bounded in the services,
 * whatever the gateway's rate limits, and each refusal of the traveller's is a problem that says when to try again.
 */
@ExtendWith(RunningStack.class)
class RepeatedCallsTest {

    private static final String PASSWORD = "Viajera#2026";
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    private final LocalStack stack = RunningStack.stack();

    @Test
    @DisplayName("R-FMM-3 R-PRE-11 twenty Recuperar FMM y QR at once through the gateway: one accepted, the others 429 with Retry-After (or 409 for a change meanwhile), two more e-mails and not forty; the same flight again is a 409")
    void recoveryHammered() throws Exception {
        TravellerSession traveller = TravellerSession.registered(stack, "Repetida", PASSWORD);
        String document = passportOf(traveller);
        int beforeApproval = stack.subjectsTo(traveller.email).size();
        LocalDate entry = LocalDate.now(MEXICO).plusDays(12);
        String id = TravellerJourneyTest.approvedPreRegistration(traveller, document, entry);
        int approved = mailsAtLeast(traveller.email, beforeApproval + 2);

        List<HttpResponse<String>> answers = atOnce(20,
                () -> traveller.post("/api/preregistrations/" + id + "/recovery", "{}"));
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 202).hasSize(1);
        for (HttpResponse<String> refused : answers) {
            if (refused.statusCode() == 429) {
                assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 300));
                assertThat(read(refused).get("code").asString()).isEqualTo("recovery_too_soon");
            } else if (refused.statusCode() != 202) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                assertThat(read(refused).get("code").asString()).isEqualTo("concurrent_change");
            }
        }
        assertThat(mailsAtLeast(traveller.email, approved + 2)).isEqualTo(approved + 2);
        Thread.sleep(5000);   // a third copy would follow the two closely
        assertThat(stack.subjectsTo(traveller.email)).hasSize(approved + 2);

        HttpResponse<String> sameFlight = traveller.post("/api/preregistrations/" + id + "/reschedule", """
                {"entryDate":"%s","exitDate":"%s","airline":"AV","flightNumber":"AV254"}
                """.formatted(entry, entry.plusDays(10)));
        assertThat(read(expect(sameFlight, 409)).get("code").asString()).isEqualTo("reschedule_unchanged");
    }

    @Test
    @DisplayName("R-PRE-2 R-PRE-3 INICIAR thirty times for one passport through the gateway: ten drafts, then the newest of them again (200), not thirty")
    void draftsBounded() throws Exception {
        TravellerSession traveller = TravellerSession.registered(stack, "Borradores", PASSWORD);
        String document = passportOf(traveller);
        HttpResponse<String> first = TravellerJourneyTest.awaitDraft(traveller, document);
        Set<String> ids = new HashSet<>(List.of(read(expect(first, 201)).get("id").asString()));
        String start = "{\"documentId\":\"" + document + "\",\"variant\":\"NO_NUE\"}";
        String newest = null;
        for (int again = 1; again < 30; again++) {
            HttpResponse<String> started = traveller.post("/api/preregistrations", start);
            expect(started, again < 10 ? 201 : 200);
            ids.add(read(started).get("id").asString());
            if (again == 9) {
                newest = read(started).get("id").asString();
            } else if (again > 9) {
                assertThat(read(started).get("id").asString()).isEqualTo(newest);
            }
        }
        assertThat(ids).hasSize(10);
        assertThat(read(expect(traveller.get("/api/preregistrations"), 200)).valueStream()
                .filter(entry -> "DRAFT".equals(entry.get("status").asString()))).hasSize(10);
    }

    @Test
    @DisplayName("R-ACC-7 R-SEC a stranger asking twelve password reset links for someone's address, then registering it again, through the gateway: 202 and 201 as always, and the mailbox gets ten e-mails, not thirteen")
    void mailboxNotFlooded() throws Exception {
        TravellerSession owner = TravellerSession.registered(stack, "Buzon", PASSWORD);
        TravellerSession stranger = TravellerSession.visitor(stack, owner.email);
        for (int n = 0; n < 12; n++) {
            String[] captcha = stranger.captcha();
            expect(stranger.post("/api/accounts/recovery", """
                    {"email":"%s","type":"PASSWORD","captchaId":"%s","captchaAnswer":"%s"}
                    """.formatted(owner.email, captcha[0], captcha[1])), 202);
        }
        expect(stranger.register("Extrana", PASSWORD), 201);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (requestedMails(owner.email).size() < 10 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        Thread.sleep(5000);   // an eleventh would follow the tenth closely
        assertThat(requestedMails(owner.email)).hasSize(10)
                .allMatch(subject -> subject.startsWith("Recupera tu contraseña"));
    }

    /** The e-mails to {@code email} that someone else could cause: reset links and "your address has an account". */
    private List<String> requestedMails(String email) throws Exception {
        return stack.subjectsTo(email).stream()
                .filter(subject -> subject.startsWith("Recupera tu contraseña") || subject.startsWith("Tu correo ya"))
                .toList();
    }

    private static String passportOf(TravellerSession traveller) throws Exception {
        return TravellerJourneyTest.registerPassport(traveller, "RC" + (1_000_000 + (int) (Math.random() * 8_999_999)));
    }

    /** The number of e-mails {@code email} holds once it holds at least {@code count} (or after a minute). */
    private int mailsAtLeast(String email, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int mails = stack.subjectsTo(email).size();
        while (mails < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            mails = stack.subjectsTo(email).size();
        }
        return mails;
    }

    private static List<HttpResponse<String>> atOnce(int calls, Callable<HttpResponse<String>> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<HttpResponse<String>>> running = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                running.add(pool.submit(call));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : running) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
