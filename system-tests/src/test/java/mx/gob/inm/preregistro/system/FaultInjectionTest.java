package mx.gob.inm.preregistro.system;

import static mx.gob.inm.preregistro.system.TravellerSession.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.testing.MailText;

/**
 * Components of the running stack fail in the middle of a burst of submissions: the Kafka broker and a consuming
 * service are killed ({@code kill -9}) and restarted, the SMTP server is down for a minute, the MongoDB-wire server is
 * killed ({@code kill -9}) and restarted. Afterwards every approved pre-registration has exactly one FMM e-mail and
 * one QR receipt e-mail (or a delivery failure shown in its history), none is lost or issued twice, and every answer
 * the traveller got was a decision or a clear problem, never a 500. Last, the gateway is killed and restarted under a
 * signed-in traveller, who stays signed in.
 *
 * <p>Part of every run (about five minutes; {@code -Dfaults=false} leaves it out). Each scenario ends only when every
 * route of the gateway serves again (its circuit breaker closed), so that the tests after it meet a recovered
 * system, as users would.
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "faults", matches = "false")
class FaultInjectionTest {

    private static final String PASSWORD = "Viajera#2026";
    private static final int SUBMISSIONS = 8;

    private final LocalStack stack = RunningStack.stack();

    @Test
    @Order(1)
    @DisplayName("R-NOT-2 R-FMM-1 the Kafka broker killed (-9) mid-burst and restarted: every approval gets its FMME and both e-mails, once")
    void kafkaKilled() throws Exception {
        Burst burst = Burst.prepare(stack, "Kafka");
        burst.start();
        Thread.sleep(1500);
        stack.kill("kafka", "KILL");
        burst.await();
        stack.startMissing();
        burst.assertEveryApprovalMailedOnce(Duration.ofSeconds(180), Copies.EACH_COUNTS);
        burst.awaitEveryRouteServing();
    }

    @Test
    @Order(2)
    @DisplayName("R-NOT-2 R-FMM-1 fmme-service killed (-9) mid-burst and restarted: nothing is lost, nothing is issued twice")
    void consumerKilled() throws Exception {
        Burst burst = Burst.prepare(stack, "Consumidor");
        burst.start();
        Thread.sleep(1500);
        stack.kill("fmme-service", "KILL");
        burst.await();
        stack.startMissing();
        burst.assertEveryApprovalMailedOnce(Duration.ofSeconds(180), Copies.EACH_COUNTS);
        burst.awaitEveryRouteServing();
    }

    @Test
    @Order(3)
    @DisplayName("R-NOT-2 the SMTP server stopped for a minute mid-burst (SIGSTOP: it answers nothing, keeps what it has): the e-mails are sent once it is back (redelivery with back-off), one message each (a message whose answer was lost may arrive twice, with one Message-ID)")
    void smtpStoppedForAMinute() throws Exception {
        Burst burst = Burst.prepare(stack, "Correo");
        burst.start();
        Thread.sleep(1500);
        Instant stopped = Instant.now();
        stack.signal("mail", "STOP");
        try {
            burst.await();
            Thread.sleep(Math.max(0, Duration.ofSeconds(60).minus(Duration.between(stopped, Instant.now())).toMillis()));
        } finally {
            stack.signal("mail", "CONT");
        }
        burst.assertEveryApprovalMailedOnce(Duration.ofSeconds(240), Copies.SAME_MESSAGE_SENT_AGAIN_COUNTS_ONCE);
        burst.awaitEveryRouteServing();
    }

    @Test
    @Order(4)
    @DisplayName("R-PRE-12 the MongoDB-wire server killed (-9) mid-burst and restarted: each submission is decided or refused with a problem (never a 500), none is half-saved or lost, a refused one goes through once it is back")
    void mongoKilled() throws Exception {
        Burst burst = Burst.prepare(stack, "Mongo");
        burst.start();
        Thread.sleep(1000);
        stack.kill("mongodb", "KILL");
        burst.await();
        stack.startMissing();
        burst.resubmitRefused();
        burst.assertEveryApprovalMailedOnce(Duration.ofSeconds(180), Copies.EACH_COUNTS);
        burst.awaitEveryRouteServing();
    }

    @Test
    @Order(5)
    @DisplayName("R-ACC-8 the gateway killed (-9) and restarted: a signed-in traveller is still signed in, and their calls go on with their token (the session is kept in MongoDB)")
    void gatewayKilled() throws Exception {
        TravellerSession traveller = TravellerSession.registered(stack, "Pasarela", PASSWORD);
        String document = TravellerJourneyTest.registerPassport(traveller,
                "GW" + (1_000_000 + (int) (Math.random() * 8_999_999)));

        stack.kill("gateway", "KILL");
        stack.startMissing();

        assertThat(traveller.get("/api/session").body()).contains("\"authenticated\":true");
        HttpResponse<String> documents = traveller.get("/api/documents");
        assertThat(documents.statusCode()).isEqualTo(200);
        assertThat(documents.body()).contains(document);
    }

    /** How the e-mails in the mailbox are counted. */
    private enum Copies {
        /** Every e-mail counts: after these faults a second copy can only be a second send of the notification. */
        EACH_COUNTS,
        /**
         * Copies of one message (one {@code Message-ID}, the same on every try of one notification: {@code SmtpSender})
         * count once. A server that stops answering after the message's data reached it leaves the sender unable to
         * know whether it was taken (RFC 5321 4.5.3.2.6): the wait for the answer times out, the sender tries again,
         * and the stopped server, once resumed, also takes the first copy. A second notification has an id of its
         * own and still counts; a mail sent again for a lost SENT mark is proved absent by
         * notification-service's {@code DatabaseOutageTest}.
         */
        SAME_MESSAGE_SENT_AGAIN_COUNTS_ONCE
    }

    /** Drafts of one traveller, ready to submit, then submitted by a few threads at once. */
    private static final class Burst {

        private final LocalStack stack;
        private final TravellerSession traveller;
        private final List<String> drafts;
        private final Map<String, HttpResponse<String>> answers = new ConcurrentHashMap<>();
        private final ExecutorService pool = Executors.newFixedThreadPool(4);
        private final List<Future<?>> running = new ArrayList<>();

        private Burst(LocalStack stack, TravellerSession traveller, List<String> drafts) {
            this.stack = stack;
            this.traveller = traveller;
            this.drafts = drafts;
        }

        static Burst prepare(LocalStack stack, String name) throws Exception {
            TravellerSession traveller = TravellerSession.registered(stack, name, PASSWORD);
            String document = TravellerJourneyTest.registerPassport(traveller,
                    "FI" + (1_000_000 + (int) (Math.random() * 8_999_999)));
            List<String> drafts = new ArrayList<>();
            for (int i = 0; i < SUBMISSIONS; i++) {
                drafts.add(TravellerJourneyTest.readyToSubmit(traveller, document,
                        LocalDate.now(ZoneId.of("America/Mexico_City")).plusDays(5 + i)));
            }
            return new Burst(stack, traveller, drafts);
        }

        /** Submits the drafts from four threads, a little apart, so that the fault lands among them. */
        void start() {
            for (int i = 0; i < drafts.size(); i++) {
                String id = drafts.get(i);
                long delay = i * 400L;
                running.add(pool.submit(() -> {
                    Thread.sleep(delay);
                    answers.put(id, TravellerJourneyTest.submit(traveller, id));
                    return null;
                }));
            }
        }

        void await() throws Exception {
            for (Future<?> submission : running) {
                submission.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            answers.forEach((id, answer) -> {
                if (answer.statusCode() != 200) {
                    assertThat(answer.statusCode()).as("%s: %s", id, answer.body()).isBetween(400, 599)
                            .isNotEqualTo(500);
                    assertThat(answer.headers().firstValue("Content-Type")).as(id)
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                }
            });
        }

        /** What was refused during the fault is still a draft (nothing half-saved) and goes through now. */
        void resubmitRefused() throws Exception {
            for (String id : drafts) {
                if (answers.get(id).statusCode() != 200) {
                    JsonNode draft = read(traveller.get("/api/preregistrations/" + id));
                    assertThat(draft.get("status").asString()).as(id).isEqualTo("DRAFT");
                    answers.put(id, TravellerJourneyTest.submit(traveller, id));
                    assertThat(answers.get(id).statusCode()).as(answers.get(id).body()).isEqualTo(200);
                }
            }
        }

        /**
         * Every submission answered APPROVED is APPROVED in the history, and has exactly one FMM e-mail and one QR
         * receipt e-mail, or its history shows the delivery failure (R-FMM-3).
         */
        void assertEveryApprovalMailedOnce(Duration within, Copies copies) throws Exception {
            List<String> approved = new ArrayList<>();
            for (String id : drafts) {
                HttpResponse<String> answer = answers.get(id);
                if (answer.statusCode() == 200) {
                    assertThat(read(answer).get("status").asString()).as(answer.body()).isEqualTo("APPROVED");
                    approved.add(id);
                }
            }
            assertThat(approved).as("approvals among the burst").isNotEmpty();
            Instant deadline = Instant.now().plus(within);
            Map<String, int[]> mails = mailsPerPreRegistration(copies);
            while (!allDelivered(approved, mails) && Instant.now().isBefore(deadline)) {
                Thread.sleep(2000);
                mails = mailsPerPreRegistration(copies);
            }
            Thread.sleep(5000);   // a second copy would follow the first closely
            mails = mailsPerPreRegistration(copies);
            JsonNode history = read(traveller.get("/api/preregistrations"));
            for (String id : approved) {
                JsonNode entry = entryOf(history, id);
                assertThat(entry.get("status").asString()).as(id).isEqualTo("APPROVED");
                int[] count = mails.getOrDefault(id, new int[2]);
                if (entry.path("deliveryFailed").asBoolean(false)) {
                    assertThat(count[0] + count[1]).as("%s reported as failed, mails %d+%d", id, count[0], count[1])
                            .isLessThanOrEqualTo(2);
                } else {
                    assertThat(count).as("FMM and QR e-mails of %s", id).containsExactly(1, 1);
                }
            }
        }

        /**
         * Each route of the gateway answers three times in a row without its 503 fallback: a breaker opened during
         * the fault has closed again (after its 10 s open, three trial calls).
         */
        void awaitEveryRouteServing() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            for (String path : new String[] {"/api/accounts/me", "/api/documents", "/api/preregistrations",
                    "/api/fmme/keys"}) {
                int served = 0;
                while (served < 3) {
                    HttpResponse<String> answer = traveller.get(path);
                    served = answer.statusCode() == 503 ? 0 : served + 1;
                    if (served == 0) {
                        assertThat(Instant.now()).as("%s still answers 503: %s", path, answer.body())
                                .isBefore(deadline);
                        Thread.sleep(1000);
                    }
                }
            }
        }

        private static boolean allDelivered(List<String> approved, Map<String, int[]> mails) {
            return approved.stream().allMatch(id -> mails.containsKey(id) && mails.get(id)[0] >= 1 && mails.get(id)[1] >= 1);
        }

        private static JsonNode entryOf(JsonNode history, String id) {
            for (JsonNode entry : history) {
                if (entry.get("id").asString().equals(id)) {
                    return entry;
                }
            }
            throw new AssertionError("pre-registration " + id + " is not in the history: lost");
        }

        /** By pre-registration id: how many FMM e-mails and how many QR receipt e-mails link to its files. */
        private Map<String, int[]> mailsPerPreRegistration(Copies copies) throws IOException {
            Map<String, int[]> counts = new ConcurrentHashMap<>();
            List<MimeMessage> mails;
            try {
                mails = stack.mailsTo(traveller.email);
            } catch (IllegalStateException mailServerDown) {
                return counts;
            }
            Set<String> counted = new HashSet<>();
            for (MimeMessage mail : mails) {
                String subject = subject(mail);
                int kind = subject.contains("(FMM)") ? 0 : subject.contains("código QR") ? 1 : -1;
                String text = MailText.plain(mail);
                for (String id : drafts) {
                    if (kind >= 0 && text.contains("/api/fmme/" + id + "/") && (copies == Copies.EACH_COUNTS
                            || counted.add(id + " " + kind + " " + messageId(mail)))) {
                        counts.computeIfAbsent(id, key -> new int[2])[kind]++;
                    }
                }
            }
            return counts;
        }

        /** An e-mail's {@code Message-ID}: {@link Copies#SAME_MESSAGE_SENT_AGAIN_COUNTS_ONCE}. */
        private static String messageId(MimeMessage mail) {
            try {
                return String.valueOf(mail.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String subject(MimeMessage mail) {
            try {
                return String.valueOf(mail.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
