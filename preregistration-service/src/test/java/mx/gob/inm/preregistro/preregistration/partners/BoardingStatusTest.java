package mx.gob.inm.preregistro.preregistration.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;
import mx.gob.inm.preregistro.testing.Infrastructure;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

/** The airlines' boarding-status question (R-OPS-2), asked with the demo airline's client credentials. */
class BoardingStatusTest extends PreRegistrationIntegrationTest {

    /** A token of the local realm's demo airline client, by the client-credentials grant. */
    private static String airlineToken() {
        return Infrastructure.shared().keycloak().clientToken("airline-demo", "airline-demo-secret");
    }

    private HttpResponse<String> ask(String bearer, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/partners/v1/boarding-status?" + query)).header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String documentNumberOf(TestTraveller traveller, String preregistrationId) {
        String documentId = read(get(traveller, "/api/preregistrations/" + preregistrationId)).get("documentId")
                .asString();
        return mongo.findById(documentId, Document.class, "documents").getString("documentNumber");
    }

    @Test
    @DisplayName("R-OPS-2 an airline with client credentials asks boarding status: APPROVED for an approved traveller, NOT_APPROVED for a rejected one, NONE for an unknown one; each question audited without the passport number")
    void boardingStatus() throws Exception {
        LocalDate entry = TODAY.plusDays(15);
        TestTraveller approved = traveller();
        String approvedId = completeDraft(approved, colombianPassport(approved), "NO_NUE", entry, entry.plusDays(7));
        expectOk(submit(approved, approvedId));
        TestTraveller rejected = traveller();
        String rejectedId = completeDraft(rejected, colombianPassport(rejected), "NO_NUE", entry, entry.plusDays(7));
        put(rejected, "/api/preregistrations/" + rejectedId + "/control", Map.of("answers", Map.of(
                "DEPORTED", true, "REFUSED_ENTRY", false, "CRIMINAL_RECORD", false, "VISA_DENIED", false,
                "OVERSTAY", false)));
        expectOk(submit(rejected, rejectedId));
        String airline = airlineToken();

        assertThat(read(ask(airline, "documentNumber=" + documentNumberOf(approved, approvedId)
                + "&nationality=col&entryDate=" + entry)).get("status").asString()).isEqualTo("APPROVED");
        assertThat(read(ask(airline, "documentNumber=" + documentNumberOf(rejected, rejectedId)
                + "&nationality=COL&entryDate=" + entry)).get("status").asString()).isEqualTo("NOT_APPROVED");
        assertThat(read(ask(airline, "documentNumber=ZZ0000001&nationality=COL&entryDate=" + entry))
                .get("status").asString()).isEqualTo("NONE");

        Document audit = mongo.findOne(new Query().addCriteria(Criteria.where("status").is("APPROVED")),
                Document.class, BoardingStatus.AUDIT);
        assertThat(audit.getString("client")).isEqualTo("airline-demo");
        assertThat(audit.toJson()).doesNotContain(documentNumberOf(approved, approvedId));
    }

    @Test
    @DisplayName("R-OPS-2 a traveller's token is refused (403); a question with missing or malformed fields is a 400 naming them")
    void airlinesOnlyAndValidated() throws Exception {
        TestTraveller traveller = traveller();

        HttpResponse<String> refused = ask(traveller.accessToken(), "documentNumber=AX1&nationality=COL&entryDate="
                + TODAY);
        HttpResponse<String> malformed = ask(airlineToken(), "documentNumber=AX-1&entryDate=15/06/2026");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(malformed.statusCode()).isEqualTo(400);
        JsonNode errors = read(malformed).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("documentNumber", "nationality",
                "entryDate");
        // a year of nine digits with a sign is a date to LocalDate.parse, and the lookup failed on it with a 500
        for (String farDate : new String[] {"-999999999-01-01", "%2B999999999-12-31", "%2B10000-01-01"}) {
            HttpResponse<String> far = ask(airlineToken(), "documentNumber=AX1&nationality=COL&entryDate=" + farDate);
            assertThat(far.statusCode()).as(farDate + ": " + far.body()).isEqualTo(400);
            assertThat(read(far).get("errors").findValuesAsString("field")).containsExactly("entryDate");
        }
    }
}
