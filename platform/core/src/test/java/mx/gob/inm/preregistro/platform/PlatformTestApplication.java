package mx.gob.inm.preregistro.platform;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

import mx.gob.inm.preregistro.platform.correlation.CorrelationId;
import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;

/** A minimal service on the platform, for the platform's own tests. */
@SpringBootApplication
class PlatformTestApplication {

    @RestController
    static class ProbeController {

        @PostMapping("/probe/validate")
        Map<String, Object> validate(@RequestBody Map<String, Object> body) {
            if (!body.containsKey("name")) {
                throw new ValidationFailedException(List.of(
                        FieldViolation.of("name", "required"),
                        FieldViolation.of("birthDate", "too_young", 18)));
            }
            return body;
        }

        /** A typed body like the services' forms: text, a date, a nested list. */
        record Companion(String surname) {
        }

        record Traveller(String surname, String originCity, LocalDate birthDate, List<Companion> companions) {
        }

        @PostMapping("/probe/traveller")
        Traveller traveller(@RequestBody Traveller traveller) {
            return traveller;
        }

        @GetMapping("/probe/correlation")
        Map<String, String> correlation() {
            return Map.of("correlationId", CorrelationId.current());
        }

        @GetMapping("/probe/number")
        Map<String, Integer> number(@RequestParam("value") Integer value) {
            return Map.of("value", value);
        }

        @GetMapping("/probe/database-down")
        Map<String, String> databaseDown() {
            throw new DataAccessResourceFailureException("Timed out while waiting for a server");
        }

        /** A call to a server that is not there (identity-service's Keycloak, down). */
        @GetMapping("/probe/upstream-down")
        String upstreamDown() {
            return RestClient.create().get().uri("http://127.0.0.1:1/").retrieve().body(String.class);
        }

        /** A call to a server that answers 500 (this one's {@code /probe/boom}). */
        @GetMapping("/probe/upstream-failing")
        String upstreamFailing(HttpServletRequest request) {
            return RestClient.create().get()
                    .uri("http://127.0.0.1:" + request.getLocalPort() + "/probe/boom").retrieve().body(String.class);
        }

        /** A file upload like the services' scans and attachments. */
        @PostMapping("/probe/upload")
        Map<String, Long> upload(@RequestPart("file") MultipartFile file) {
            return Map.of("size", file.getSize());
        }

        /** A refusal that knows when to ask again (a rate limit), and a busy one that does not. */
        @GetMapping("/probe/refused")
        Map<String, String> refused(@RequestParam("status") int status) {
            throw status == 429
                    ? new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "unavailable", Duration.ofMillis(1500))
                    : new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable");
        }

        @GetMapping("/probe/boom")
        Map<String, String> boom() {
            throw new IllegalStateException("secret internal detail");
        }
    }
}
