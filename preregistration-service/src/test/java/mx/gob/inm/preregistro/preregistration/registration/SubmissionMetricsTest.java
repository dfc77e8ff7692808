package mx.gob.inm.preregistro.preregistration.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mx.gob.inm.preregistro.preregistration.PreRegistrationIntegrationTest;
import mx.gob.inm.preregistro.preregistration.decision.RuleId;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

/** The traveller flow's metrics as Prometheus scrapes them from the service (deploy/grafana/METRICS.md). */
class SubmissionMetricsTest extends PreRegistrationIntegrationTest {

    private static final LocalDate ENTRY = TODAY.plusDays(30);
    private static final LocalDate EXIT = ENTRY.plusDays(14);
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{([^}]*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final String SUBMITTED = "preregistro_preregistrations_submitted_total";
    private static final String DECIDED = "preregistro_preregistrations_decided_total";

    /** One line of the exposition: name, labels, value. */
    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private List<Sample> scrape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().map(SAMPLE::matcher).filter(Matcher::matches).map(line -> {
            Map<String, String> labels = new TreeMap<>();
            Matcher label = LABEL.matcher(line.group(2) == null ? "" : line.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            return new Sample(line.group(1), labels, Double.parseDouble(line.group(3)));
        }).toList();
    }

    private static double value(List<Sample> samples, String name, Map<String, String> tags) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().entrySet().containsAll(tags.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    private static double decided(List<Sample> samples, String decision, String rule) {
        return value(samples, DECIDED, Map.of("decision", decision, "rule", rule));
    }

    @Test
    @DisplayName("R-OPS-3 an approved and a rejected submission count once each in submitted and decided{decision,rule} on /actuator/prometheus; a refused request counts nothing")
    void flowMetricsOnPrometheus() throws Exception {
        TestTraveller approvedTraveller = traveller();
        String approved = completeDraft(approvedTraveller, colombianPassport(approvedTraveller), "NO_NUE", ENTRY, EXIT);
        TestTraveller rejectedTraveller = traveller();
        String rejected = completeDraft(rejectedTraveller, colombianPassport(rejectedTraveller), "NO_NUE", ENTRY,
                EXIT);
        expectOk(put(rejectedTraveller, "/api/preregistrations/" + rejected + "/control", Map.of("answers", Map.of(
                "DEPORTED", true, "REFUSED_ENTRY", false, "CRIMINAL_RECORD", false, "VISA_DENIED", false,
                "OVERSTAY", false))));
        List<Sample> before = scrape();

        assertThat(post(approvedTraveller, "/api/preregistrations/" + approved + "/submit",
                Map.of("termsAccepted", false)).statusCode()).as("terms not accepted").isEqualTo(400);
        assertThat(read(submit(approvedTraveller, approved)).get("status").asString()).isEqualTo("APPROVED");
        assertThat(read(submit(rejectedTraveller, rejected)).get("status").asString()).isEqualTo("REJECTED");
        assertThat(submit(rejectedTraveller, rejected).statusCode()).as("submitted twice").isEqualTo(409);
        List<Sample> after = scrape();

        assertThat(value(after, SUBMITTED, Map.of("service", "preregistration-service"))
                - value(before, SUBMITTED, Map.of())).isEqualTo(2.0);
        assertThat(decided(after, "APPROVED", "none") - decided(before, "APPROVED", "none")).isEqualTo(1.0);
        assertThat(decided(after, "NOT_APPROVED", "CONTROL_ANSWERS_ACCEPTABLE")
                - decided(before, "NOT_APPROVED", "CONTROL_ANSWERS_ACCEPTABLE")).isEqualTo(1.0);
        assertThat(value(after, DECIDED, Map.of()) - value(before, DECIDED, Map.of()))
                .as("one decision per submission").isEqualTo(2.0);
        assertThat(after).filteredOn(sample -> sample.name().equals(DECIDED)).allSatisfy(sample -> {
            assertThat(sample.labels().keySet()).containsExactlyInAnyOrder("decision", "rule", "service");
            assertThat(sample.labels().get("decision")).isIn("APPROVED", "NOT_APPROVED");
            assertThat(sample.labels().get("rule")).isIn(Stream.concat(Stream.of("none"),
                    Arrays.stream(RuleId.values()).map(Enum::name)).toList());
        });
    }
}
