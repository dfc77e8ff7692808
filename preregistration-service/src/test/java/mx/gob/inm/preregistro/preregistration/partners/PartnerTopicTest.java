package mx.gob.inm.preregistro.preregistration.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

/** R-OPS-1 as an airline sees it, through the example consumer that uses nothing of this project. */
class PartnerTopicTest extends PreRegistrationIntegrationTest {

    @Test
    @DisplayName("R-OPS-1 an airline consumer receives exactly one PII-minimised decision per submission and answers boarding status from the passport")
    void airlineReceivesOneDecisionPerSubmission() {
        LocalDate entry = TODAY.plusDays(12);
        try (AirlineDecisionConsumer airline = new AirlineDecisionConsumer(
                Infrastructure.shared().kafkaBootstrapServers(), "airline-" + UUID.randomUUID())) {
            TestTraveller approvedTraveller = traveller();
            String approved = completeDraft(approvedTraveller, colombianPassport(approvedTraveller), "NO_NUE",
                    entry, entry.plusDays(10));
            submit(approvedTraveller, approved);
            TestTraveller rejectedTraveller = traveller();
            String rejected = completeDraft(rejectedTraveller, colombianPassport(rejectedTraveller), "NO_NUE",
                    entry, entry.plusDays(10));
            put(rejectedTraveller, "/api/preregistrations/" + rejected + "/control", Map.of("answers", Map.of(
                    "DEPORTED", false, "REFUSED_ENTRY", true, "CRIMINAL_RECORD", false, "VISA_DENIED", false,
                    "OVERSTAY", false)));
            submit(rejectedTraveller, rejected);

            List<JsonNode> received = new ArrayList<>();
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline) && (count(received, approved) < 1 || count(received, rejected) < 1)) {
                received.addAll(airline.poll(Duration.ofMillis(300)));
            }
            received.addAll(airline.poll(Duration.ofSeconds(2)));
            assertThat(count(received, approved)).isEqualTo(1);
            assertThat(count(received, rejected)).isEqualTo(1);

            String documentId = read(get(approvedTraveller, "/api/preregistrations/" + approved)).get("documentId")
                    .asString();
            String documentNumber = mongo.findById(documentId, Document.class, "documents")
                    .getString("documentNumber");
            assertThat(airline.boardingStatus("col", documentNumber, entry.toString())).isEqualTo("APPROVED");
            assertThat(airline.boardingStatus("COL", documentNumber, entry.plusDays(1).toString())).isEqualTo("NONE");
            JsonNode decision = received.stream()
                    .filter(d -> approved.equals(d.get("preregistrationId").asString())).findFirst().orElseThrow();
            assertThat(decision.propertyNames()).containsExactlyInAnyOrder("preregistrationId", "documentHash",
                    "nationality", "entryDate", "arrivalAirport", "airline", "flightNumber", "decision");
        }
    }

    private static long count(List<JsonNode> decisions, String preregistrationId) {
        return decisions.stream().filter(d -> preregistrationId.equals(d.get("preregistrationId").asString())).count();
    }
}
