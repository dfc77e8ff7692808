package mx.gob.inm.preregistro.system;

import static mx.gob.inm.preregistro.system.HostilePayloads.MEGABYTE;
import static mx.gob.inm.preregistro.system.TravellerSession.expect;
import static mx.gob.inm.preregistro.system.TravellerSession.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.system.HostilePayloads.Body;
import mx.gob.inm.preregistro.system.HostilePayloads.Multipart;
import mx.gob.inm.preregistro.system.HostilePayloads.Value;

/**
 * Issue #9, hostile input: every public endpoint (the services' READMEs list them), and the operators' dead-letter
 * tools as an operator, through the gateway of the running stack, fed what an attacker or a broken client sends.
 * The suite is a table of endpoint × payload; every answer must be a 4xx {@code application/problem+json} without a
 * stack trace or a class name ({@link Expect#REFUSED}), or, where a careful service may also accept the input,
 * anything but a 5xx ({@link Expect#HARMLESS}). Afterwards every service is healthy and an ordinary request still
 * works.
 *
 * <p>Endpoints the gateway limits per client address (registration, activation, recovery, reset) get each hostile
 * value once, in turn over their fields, so the suite stays within the limits; the others get every value in every
 * field.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    private static final String PASSWORD = "Hostil#2026x";
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|java\\.|javax\\.|jakarta\\.|org\\.springframework|tools\\.jackson"
                    + "|com\\.fasterxml|com\\.mongodb|org\\.bson|org\\.apache|reactor\\.|Caused by");

    private final LocalStack stack = RunningStack.stack();
    private HostileClient visitor;
    private HostileClient traveller;
    private HostileClient operator;
    private HostileClient airline;
    private String documentId;
    private String draftId;

    /** What a hostile request must get. */
    enum Expect {
        /** A 4xx problem+json. */
        REFUSED,
        /** A 4xx problem+json, or a success when the input is harmless once handled with care (a file's name). */
        HARMLESS
    }

    enum Who { VISITOR, TRAVELLER, OPERATOR, AIRLINE }

    /** One row of the table. */
    record Case(String name, Who who, String method, String path, String contentType, byte[] body, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A JSON endpoint and an ordinary body for it (field → JSON value), which the suite then spoils. */
    record JsonEndpoint(String requirements, Who who, String method, String path, boolean limitedPerAddress,
            Map<String, String> fields) {
        String title() {
            return requirements + " " + method + " " + path;
        }
    }

    @BeforeAll
    void aTravellerWithADocumentAndADraft() throws Exception {
        TravellerSession owner = TravellerSession.registered(stack, "Hostil", PASSWORD);
        documentId = TravellerJourneyTest.registerPassport(owner, "HX" + (1_000_000 + (int) (Math.random() * 8_999_999)));
        String body = "{\"documentId\":\"" + documentId + "\",\"variant\":\"NO_NUE\"}";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> draft = owner.post("/api/preregistrations", body);
        while (draft.statusCode() != 201 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            draft = owner.post("/api/preregistrations", body);
        }
        draftId = read(expect(draft, 201)).get("id").asString();
        traveller = HostileClient.signedIn(stack, owner.email, PASSWORD);
        visitor = HostileClient.anonymous(stack);
        TravellerSession operatorAccount = TravellerSession.registered(stack, "Operadora", PASSWORD);
        stack.keycloak().grantRealmRoles(operatorAccount.email, "operator");
        operator = HostileClient.signedIn(stack, operatorAccount.email, PASSWORD);
        airline = HostileClient.airline(stack);
    }

    // ------------------------------------------------------------------------------------------------ the table

    private List<JsonEndpoint> jsonEndpoints() {
        String draft = "/api/preregistrations/" + draftId;
        return List.of(
                new JsonEndpoint("R-ACC-1 R-ACC-2 R-ACC-3", Who.VISITOR, "POST", "/api/accounts", true, fields(
                        "givenNames", "\"Ana Lucía\"", "firstSurname", "\"Restrepo\"", "secondSurname", "\"Gómez\"",
                        "nationality", "\"COL\"", "birthDate", "\"1990-04-12\"", "sex", "\"F\"",
                        "email", "\"hostil@example.co\"", "emailConfirmation", "\"hostil@example.co\"",
                        "password", "\"Viajera#2026\"", "passwordConfirmation", "\"Viajera#2026\"",
                        "privacyAccepted", "true", "captchaId", "\"00000000-0000-0000-0000-000000000000\"",
                        "captchaAnswer", "\"ABCDEF\"", "language", "\"es\"")),
                new JsonEndpoint("R-ACC-6", Who.VISITOR, "POST", "/api/accounts/activation", true,
                        fields("token", "\"bm90LWEtcmVhbC10b2tlbg\"")),
                new JsonEndpoint("R-ACC-7", Who.VISITOR, "POST", "/api/accounts/recovery", true, fields(
                        "email", "\"hostil@example.co\"", "type", "\"PASSWORD\"",
                        "captchaId", "\"00000000-0000-0000-0000-000000000000\"", "captchaAnswer", "\"ABCDEF\"")),
                new JsonEndpoint("R-ACC-7 R-ACC-3", Who.VISITOR, "POST", "/api/accounts/password-reset", true, fields(
                        "token", "\"bm90LWEtcmVhbC10b2tlbg\"", "password", "\"Viajera#2026\"",
                        "passwordConfirmation", "\"Viajera#2026\"")),
                new JsonEndpoint("R-ACC-9 R-ACC-3", Who.TRAVELLER, "POST", "/api/accounts/me/password", false, fields(
                        "currentPassword", "\"NoEsLaMia#2026\"", "newPassword", "\"Otra#2026xy\"",
                        "newPasswordConfirmation", "\"Otra#2026xy\"",
                        "captchaId", "\"00000000-0000-0000-0000-000000000000\"", "captchaAnswer", "\"ABCDEF\"")),
                new JsonEndpoint("R-DOC-4 R-DOC-5 R-DOC-6 R-DOC-7", Who.TRAVELLER, "POST", "/api/documents", false,
                        fields("scanId", "\"00000000-0000-0000-0000-000000000000\"", "documentType", "\"P\"",
                                "issuingState", "\"COL\"", "documentNumber", "\"HX0000001\"",
                                "surname", "\"RESTREPO\"", "givenNames", "\"ANA\"", "nationality", "\"COL\"",
                                "birthDate", "\"1990-04-12\"", "sex", "\"F\"", "expiryDate", "\"2031-01-01\"",
                                "classification", "\"ORDINARY\"",
                                "captchaId", "\"00000000-0000-0000-0000-000000000000\"", "captchaAnswer", "\"ABCDEF\"")),
                new JsonEndpoint("R-PRE-1 R-PRE-2", Who.TRAVELLER, "POST", "/api/preregistrations", false,
                        fields("documentId", "\"" + documentId + "\"", "variant", "\"NO_NUE\"")),
                // a number, 1e999999 or a boolean in place of a text field (flightNumber, originCity) is refused with
                // a 400 naming the field (platform: text only from JSON strings); it used to be taken as text
                new JsonEndpoint("R-PRE-3 R-PRE-5", Who.TRAVELLER, "PUT", draft + "/travel", false, fields(
                        "entryDate", "\"2027-01-10\"", "exitDate", "\"2027-01-20\"", "arrivalAirport", "\"CUN\"",
                        "airline", "\"AV\"", "flightNumber", "\"AV254\"", "originCountry", "\"COL\"",
                        "originCity", "\"Bogotá\"", "purpose", "\"TURISMO\"")),
                // likewise lodgingName, street, city, occupation
                new JsonEndpoint("R-PRE-3", Who.TRAVELLER, "PUT", draft + "/additional", false, fields(
                        "lodgingType", "\"HOTEL\"", "lodgingName", "\"Hotel Caribe\"",
                        "street", "\"Blvd. Kukulcán km 9\"", "city", "\"Cancún\"", "state", "\"Quintana Roo\"",
                        "postalCode", "\"77500\"", "phone", "\"+529981234567\"", "occupation", "\"Ingeniera\"")),
                new JsonEndpoint("R-PRE-3", Who.TRAVELLER, "PUT", draft + "/control", false,
                        fields("answers", "{\"$where\": true, \"a.b\": false, \"<script>\": true}")),
                new JsonEndpoint("R-PRE-3 R-PRE-12", Who.TRAVELLER, "POST", draft + "/submit", false,
                        fields("termsAccepted", "true")),
                new JsonEndpoint("R-PRE-11", Who.TRAVELLER, "POST", draft + "/reschedule", false, fields(
                        "entryDate", "\"2027-02-10\"", "exitDate", "\"2027-02-20\"", "airline", "\"AV\"",
                        "flightNumber", "\"AV254\"")));
    }

    Stream<Case> jsonCases() {
        List<Case> cases = new ArrayList<>();
        for (JsonEndpoint endpoint : jsonEndpoints()) {
            List<String> names = List.copyOf(endpoint.fields().keySet());
            Value[] values = Arrays.stream(Value.values()).filter(value -> !Value.DATES.contains(value))
                    .toArray(Value[]::new);
            if (endpoint.limitedPerAddress()) {
                for (int i = 0; i < Math.max(values.length, names.size()); i++) {
                    cases.add(spoiled(endpoint, names.get(i % names.size()), values[i % values.length]));
                }
            } else {
                for (String field : names) {
                    for (Value value : values) {
                        cases.add(spoiled(endpoint, field, value));
                    }
                }
            }
            // an account kept the birth date -999999999-01-01, and a passport with it was a 500
            names.stream().filter(name -> name.endsWith("Date"))
                    .forEach(date -> Value.DATES.forEach(value -> cases.add(spoiled(endpoint, date, value))));
            if (endpoint.fields().containsKey("captchaId")) {
                // a forged id whose expiry is beyond any date was a 500 (platform Captchas)
                for (String forged : new String[] {"AAAAAAAAAAAAAAAAAAAAAA.9223372036854775807." + "B".repeat(43),
                        "AAAAAAAAAAAAAAAAAAAAAA.-9223372036854775808." + "B".repeat(43), "a.99999999999.b"}) {
                    String label = forged.length() > 30 ? forged.substring(0, 30) + "…" : forged;
                    cases.add(new Case(endpoint.title() + " · captchaId = " + label,
                            endpoint.who(), endpoint.method(), endpoint.path(), "application/json",
                            HostilePayloads.object(endpoint.fields(), "captchaId",
                                    HostilePayloads.ascii("\"" + forged + "\"")), Expect.REFUSED));
                }
            }
            for (Body body : Body.values()) {
                cases.add(new Case(endpoint.title() + " · " + body.label, endpoint.who(), endpoint.method(),
                        endpoint.path(), body.contentType, body.bytes.apply(endpoint.fields()), Expect.REFUSED));
            }
        }
        return cases.stream();
    }

    private static Case spoiled(JsonEndpoint endpoint, String field, Value value) {
        return new Case(endpoint.title() + " · " + field + " = " + value.label, endpoint.who(), endpoint.method(),
                endpoint.path(), "application/json", HostilePayloads.object(endpoint.fields(), field, value.json),
                Expect.REFUSED);
    }

    Stream<Case> uploadCases() {
        List<Case> cases = new ArrayList<>();
        String scans = "/api/documents/scans";
        String attachment = "/api/preregistrations/" + draftId + "/attachments/EXIT_TICKET";
        for (String[] target : new String[][] {{"R-DOC-2 R-DOC-3", scans, "POST", "image"},
                {"R-PRE-4", attachment, "PUT", "file"}}) {
            String title = target[0] + " " + target[2] + " " + target[1] + " · ";
            String path = target[1];
            String method = target[2];
            String field = target[3];
            cases.add(file(title + "a ZIP renamed .png", method, path, field, "pasaporte.png", "image/png",
                    HostilePayloads.zip(), Expect.REFUSED));
            cases.add(file(title + "HTML renamed .png", method, path, field, "pasaporte.png", "image/png",
                    HostilePayloads.html(), Expect.REFUSED));
            cases.add(file(title + "SVG with a script renamed .png", method, path, field, "pasaporte.png",
                    "image/png", HostilePayloads.svg(), Expect.REFUSED));
            cases.add(file(title + "an executable renamed .jpg", method, path, field, "pasaporte.jpg", "image/jpeg",
                    HostilePayloads.executable(), Expect.REFUSED));
            cases.add(file(title + "a PDF with JavaScript", method, path, field, "boleto.pdf", "application/pdf",
                    HostilePayloads.pdfWithJavaScript(), Expect.REFUSED));
            cases.add(file(title + "a PDF with JavaScript nested 600 deep", method, path, field, "boleto.pdf",
                    "application/pdf", HostilePayloads.pdfWithNestedJavaScript(), Expect.REFUSED));
            cases.add(file(title + "a PNG declaring 30000 × 30000 pixels", method, path, field, "pasaporte.png",
                    "image/png", HostilePayloads.pngDeclaring(30_000, 30_000), Expect.REFUSED));
            cases.add(file(title + "a truncated PNG", method, path, field, "pasaporte.png", "image/png",
                    Arrays.copyOf(HostilePayloads.png(), 60), Expect.REFUSED));
            cases.add(file(title + "an empty file", method, path, field, "pasaporte.png", "image/png", new byte[0],
                    Expect.REFUSED));
            cases.add(file(title + "a PNG of 2 MB + 1 byte", method, path, field, "pasaporte.png", "image/png",
                    HostilePayloads.pngOfSize(2 * MEGABYTE + 1), Expect.REFUSED));
            cases.add(file(title + "a 10 MB body", method, path, field, "pasaporte.png", "image/png",
                    HostilePayloads.pngOfSize(10 * MEGABYTE), Expect.REFUSED));
            cases.add(file(title + "path traversal in the file name", method, path, field,
                    "../../../../../etc/cron.d/pasaporte.png", "image/png", HostilePayloads.png(), Expect.HARMLESS));
            cases.add(file(title + "Windows path traversal in the file name", method, path, field,
                    "..\\\\..\\\\..\\\\Windows\\\\win.ini.png", "image/png", HostilePayloads.png(), Expect.HARMLESS));
            cases.add(file(title + "a right-to-left override in the file name", method, path, field,
                    "boleto\u202Egnp.exe", "image/png", HostilePayloads.png(), Expect.HARMLESS));
            cases.add(file(title + "the file in a part of another name", method, path, "evil", "pasaporte.png",
                    "image/png", HostilePayloads.png(), Expect.REFUSED));
            cases.add(new Case(title + "malformed multipart", Who.TRAVELLER, method, path,
                    "multipart/form-data; boundary=nothere", HostilePayloads.ascii("--elsewhere\r\ngarbage"),
                    Expect.REFUSED));
            // the parser's own failures were a 500 (platform ProblemHandler: malformed_multipart)
            Multipart whole = Multipart.of(field, "pasaporte.png", "image/png", HostilePayloads.png(), Map.of());
            cases.add(new Case(title + "multipart without its boundary", Who.TRAVELLER, method, path,
                    "multipart/form-data", whole.bytes(), Expect.REFUSED));
            cases.add(new Case(title + "multipart named */*", Who.TRAVELLER, method, path, "*/*", whole.bytes(),
                    Expect.REFUSED));
            cases.add(new Case(title + "multipart cut before its end", Who.TRAVELLER, method, path,
                    whole.contentType(), Arrays.copyOf(whole.bytes(), whole.bytes().length - 30), Expect.REFUSED));
            Map<String, String> manyParts = new LinkedHashMap<>();
            for (int part = 0; part < 10_000; part++) {
                manyParts.put("p" + part, "x");
            }
            Multipart crowded = Multipart.of(field, "pasaporte.png", "image/png", HostilePayloads.png(), manyParts);
            cases.add(new Case(title + "10 000 parts before the file", Who.TRAVELLER, method, path,
                    crowded.contentType(), crowded.bytes(), Expect.REFUSED));
            cases.add(file(title + "a file name of 10 000 characters", method, path, field,
                    "A".repeat(10_000) + ".png", "image/png", HostilePayloads.png(), Expect.HARMLESS));
            cases.add(file(title + "a header injected through the file name", method, path, field,
                    "boleto.png\"\r\nContent-Type: text/html\r\nX-Injected: \"1", "image/png", HostilePayloads.png(),
                    Expect.HARMLESS));
            cases.add(file(title + "a part's content type of 20 KB", method, path, field, "pasaporte.png",
                    "image/png; x=" + "A".repeat(20_000), HostilePayloads.png(), Expect.HARMLESS));
            Multipart twice = Multipart.of(field, "pasaporte.png", "image/png", HostilePayloads.png(),
                    Map.of(field, "a field of the file's name before the file"));
            cases.add(new Case(title + "the file's part name twice", Who.TRAVELLER, method, path,
                    twice.contentType(), twice.bytes(), Expect.HARMLESS));
            cases.add(new Case(title + "JSON instead of multipart", Who.TRAVELLER,
                    method, path, "application/json", HostilePayloads.ascii("{\"" + field + "\": {\"$gt\": \"\"}}"),
                    Expect.REFUSED));
        }
        // a crop value of the wrong type is a 400 naming it (platform ProblemHandler; it was a 500)
        for (String[] crop : new String[][] {{"cropX", "-1"}, {"cropWidth", "abc"},
                {"cropY", "99999999999999999999"}, {"cropHeight", "{\"$gt\": \"\"}"}, {"cropX", "NaN"}}) {
            Multipart body = Multipart.of("image", "pasaporte.png", "image/png", HostilePayloads.png(),
                    Map.of(crop[0], crop[1]));
            cases.add(new Case("R-DOC-2 R-DOC-3 POST /api/documents/scans · " + crop[0] + " = " + crop[1],
                    Who.TRAVELLER, "POST", "/api/documents/scans", body.contentType(), body.bytes(), Expect.REFUSED));
        }
        for (String slot : new String[] {"..%2F..%2Fetc", "%24where", "EXIT_TICKET%00", "exit_ticket.pdf",
                "A".repeat(2000)}) {
            Multipart body = Multipart.of("file", "boleto.png", "image/png", HostilePayloads.png(), Map.of());
            cases.add(new Case("R-PRE-4 PUT attachments · slot " + (slot.length() > 40 ? "of 2000 characters" : slot),
                    Who.TRAVELLER, "PUT", "/api/preregistrations/" + draftId + "/attachments/" + slot,
                    body.contentType(), body.bytes(), Expect.REFUSED));
        }
        return cases.stream();
    }

    private static Case file(String name, String method, String path, String field, String fileName, String type,
            byte[] content, Expect expect) {
        Multipart body = Multipart.of(field, fileName, type, content, Map.of());
        return new Case(name, Who.TRAVELLER, method, path, body.contentType(), body.bytes(), expect);
    }

    /** A case for each template ({@code "requirements METHOD path-with-%s"}) with each id in its address. */
    private static void addressed(List<Case> cases, Who who, String[] templates, List<String> ids) {
        for (String template : templates) {
            String[] words = template.split(" ", 3);
            for (String id : ids) {
                String label = id.length() > 60 ? "an id of " + id.length() + " characters" : id;
                cases.add(new Case(words[0] + " " + words[1] + " " + words[2].formatted(label), who, words[1],
                        words[2].formatted(id), null, words[1].equals("POST") ? new byte[0] : null, Expect.REFUSED));
            }
        }
    }

    /** Identifiers and query values in the address: traversal, operators, NUL, bidi controls, invalid UTF-8. */
    Stream<Case> addressCases() {
        String[] ids = {"..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%7B%22%24gt%22%3A%22%22%7D",
                "%24where", "a%00b", "%E2%80%AEfdp.exe", "%ED%A0%80", "%C3%28", "'%20OR%20'1'%3D'1",
                "A".repeat(3000), "A".repeat(20_000)};
        String[] templates = {"R-DOC-9 GET /api/documents/%s", "R-DOC-9 DELETE /api/documents/%s",
                "R-PRE-1 GET /api/documents/%s/services", "R-DOC-4 GET /api/documents/scans/%s/image",
                "R-PRE-11 GET /api/preregistrations/%s", "R-PRE-4 GET /api/preregistrations/%s/attachments/LODGING",
                "R-PRE-11 POST /api/preregistrations/%s/recovery", "R-FMM-2 GET /api/fmme/%s/fmme.pdf",
                "R-FMM-2 GET /api/fmme/%s/qr.pdf"};
        List<Case> cases = new ArrayList<>();
        addressed(cases, Who.TRAVELLER, templates, List.of(ids));
        // the airlines' question: a signed year of nine digits was a 500 (platform CalendarDate)
        List<String> dates = new ArrayList<>(List.of(ids));
        dates.addAll(List.of("-999999999-01-01", "%2B999999999-12-31", "10000-01-01", "2027-02-30", "2027-1-10"));
        addressed(cases, Who.AIRLINE, new String[] {"R-OPS-2 GET /api/partners/v1/boarding-status?documentNumber=%s"
                + "&nationality=COL&entryDate=2027-01-10"}, List.of(ids));
        addressed(cases, Who.AIRLINE, new String[] {"R-OPS-2 GET /api/partners/v1/boarding-status?documentNumber="
                + "AX1234567&nationality=COL&entryDate=%s"}, dates);
        // the operators' dead-letter tools: an id beyond a number or naming no legal topic was a 500 (platform
        // DeadLetters)
        List<String> deadLetters = new ArrayList<>(List.of(ids));
        deadLetters.addAll(List.of("documents.v1-preregistration-dlt:99999999999:0",
                "documents.v1-preregistration-dlt:0:99999999999999999999", "a%20b-dlt:0:0", "no-such-topic-dlt:0:0",
                "A".repeat(300) + "-dlt:0:0"));
        addressed(cases, Who.OPERATOR, new String[] {"R-OPS-4 GET /api/ops/dead-letters/%s",
                "R-OPS-4 POST /api/ops/dead-letters/%s/replay"}, deadLetters);
        // a seal whose escapes are not UTF-8 (%ED%A0%80, %C3%28) is a 400 naming seal in fmme-service itself (it was
        // a 500); the gateway refuses such addresses before (400) anyway
        for (String seal : ids) {
            String label = seal.length() > 40 ? "a seal of " + seal.length() + " characters" : seal;
            cases.add(new Case("R-FMM-5 GET /api/fmme/verify?seal=" + label + " (public; INVALID is an answer)",
                    Who.VISITOR, "GET", "/api/fmme/verify?seal=" + seal, null, null, Expect.HARMLESS));
        }
        cases.add(new Case("R-FMM-5 GET /api/fmme/verify with seal[$ne]=", Who.VISITOR, "GET",
                "/api/fmme/verify?seal%5B%24ne%5D=x", null, null, Expect.REFUSED));
        // addresses nothing serves, and a method an address does not take: the gateway's own problem+json
        for (String[] unknown : new String[][] {{"GET", "/api/no-existe"}, {"GET", "/actuator/env"},
                {"GET", "/actuator/prometheus"}, {"GET", "/actuator/health"},
                {"GET", "/no-existe.html"}, {"DELETE", "/api/session"}}) {
            cases.add(new Case("R-SEC " + unknown[0] + " " + unknown[1] + " (nothing there)", Who.TRAVELLER,
                    unknown[0], unknown[1], null, null, Expect.REFUSED));
        }
        return cases.stream();
    }

    // ------------------------------------------------------------------------------------------------ the tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonCases")
    @Order(1)
    @DisplayName("R-SEC hostile JSON bodies are refused with a 4xx problem+json naming no class")
    void jsonBodies(Case hostile) throws Exception {
        answeredSafely(hostile);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploadCases")
    @Order(2)
    @DisplayName("R-SEC R-DOC-3 R-PRE-4 hostile files are refused by content, not by name")
    void uploads(Case hostile) throws Exception {
        answeredSafely(hostile);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressCases")
    @Order(3)
    @DisplayName("R-SEC hostile identifiers and query values in the address")
    void addresses(Case hostile) throws Exception {
        answeredSafely(hostile);
    }

    /**
     * Heads no server of the stack reads (one header of 20 KB, more header lines than the services take), and
     * {@code Accept} or {@code Accept-Language} values nothing can parse, on an address the gateway answers itself
     * and on one a service answers.
     */
    Stream<Arguments> headCases() {
        Map<String, String> manyLines = new LinkedHashMap<>();
        for (int line = 1; line <= 150; line++) {
            manyLines.put("X-Filler-" + line, String.valueOf(line));
        }
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of("R-SEC GET /api/documents · a header of 20 KB", "/api/documents",
                        Map.of("X-Padding", "A".repeat(20_000))),
                Arguments.of("R-SEC GET /api/documents · 150 header lines", "/api/documents", manyLines)));
        for (String path : new String[] {"/api/no-existe", "/api/documents/%24where"}) {
            for (String languages : new String[] {"***;q=abc", "es;q=2", "en;q=abc"}) {
                cases.add(Arguments.of("R-SEC GET " + path + " · Accept-Language: " + languages, path,
                        Map.of("Accept-Language", languages)));
            }
            for (String types : new String[] {"text", ";;;/", "application/json;q=x"}) {
                cases.add(Arguments.of("R-SEC GET " + path + " · Accept: " + types, path, Map.of("Accept", types)));
            }
        }
        // the portal's page: Spring Boot's route to it parses Accept (a 500 before the gateway's ProblemErrors took it)
        for (String types : new String[] {"text", ";;;/", "*/*;q=abc"}) {
            cases.add(Arguments.of("R-SEC GET / · Accept: " + types, "/", Map.of("Accept", types)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headCases")
    @Order(4)
    @DisplayName("R-SEC a request head too large for the stack's servers, or not readable, is a 4xx problem+json")
    void heads(String name, String path, Map<String, String> headers) throws Exception {
        answeredSafely(name, Expect.REFUSED, traveller.send("GET", path, null, null, headers));
    }

    /**
     * A header holding UTF-8 bytes that read as control characters in ISO-8859-1 (the 98 and 83 of {@code ☃}), sent as
     * raw bytes (Java's HTTP client would send {@code ?}), to the gateway and straight to each service: the gateway
     * refused it only where it read the header, and a service failed where it read it first (a 500 from a
     * {@code Content-Type}'s charset, an empty 400 from {@code Accept}).
     */
    Stream<Arguments> rawHeadCases() {
        String snow = "\u00e2\u0098\u0083";
        String[] headers = {"Accept: application/json" + snow, "Accept-Language: es" + snow,
                "Content-Type: application/json; charset=x-" + snow, "User-Agent: " + snow, "X-" + snow + ": 1"};
        List<Arguments> cases = new ArrayList<>();
        for (String[] target : new String[][] {{"GATEWAY_PORT", "/api/captcha"}, {"GATEWAY_PORT", "/api/session"},
                {"GATEWAY_PORT", "/"}, {"IDENTITY_PORT", "/api/captcha"}, {"DOCUMENT_PORT", "/api/documents"},
                {"PREREGISTRATION_PORT", "/api/preregistrations"}, {"FMME_PORT", "/api/fmme/keys"},
                {"NOTIFICATION_PORT", "/api/notifications"}}) {
            for (String header : headers) {
                String name = "R-SEC " + target[0] + " POST " + target[1] + " · " + header.replace(snow, "☃");
                cases.add(Arguments.of(name, target[0], target[1], header));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rawHeadCases")
    @Order(4)
    @DisplayName("R-SEC a control character in any header, in raw bytes, is a 400 problem+json at the gateway and at every service")
    void rawHeads(String name, String port, String path, String header) throws Exception {
        URI address = URI.create(stack.url(port));
        try (Socket socket = new Socket(address.getHost(), address.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + address.getAuthority()
                    + "\r\nConnection: close\r\n" + header + "\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).as(name).startsWith("HTTP/1.1 400");
            assertThat(answer.toLowerCase()).as(name).contains("content-type: application/problem+json");
            assertThat(LEAK.matcher(answer).find()).as("implementation details in " + answer).isFalse();
        }
    }

    @Test
    @Order(5)
    @DisplayName("R-SEC after the hostile suite every service is UP and an ordinary traveller is served")
    void stillServing() throws Exception {
        for (String port : new String[] {"IDENTITY_PORT", "DOCUMENT_PORT", "PREREGISTRATION_PORT", "FMME_PORT",
                "NOTIFICATION_PORT", "GATEWAY_MANAGEMENT_PORT"}) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(stack.url(port) + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).as(port).contains("\"status\":\"UP\"");
        }
        HttpResponse<String> documents = traveller.send("GET", "/api/documents", null, null);
        assertThat(documents.statusCode()).isEqualTo(200);
        assertThat(documents.body()).contains(documentId);
        HttpResponse<String> draft = traveller.send("GET", "/api/preregistrations/" + draftId, null, null);
        assertThat(read(draft).get("status").asString()).isEqualTo("DRAFT");
        assertThat(visitor.send("GET", "/api/captcha", null, null).statusCode()).isEqualTo(200);
    }

    /** A 4xx problem+json (or for a harmless input also a success), and never a trace of the implementation. */
    private void answeredSafely(Case hostile) throws Exception {
        HostileClient client = switch (hostile.who()) {
            case VISITOR -> visitor;
            case TRAVELLER -> traveller;
            case OPERATOR -> operator;
            case AIRLINE -> airline;
        };
        answeredSafely(hostile.name(), hostile.expect(), client.send(hostile.method(), hostile.path(),
                hostile.contentType(), hostile.body()));
    }

    private static void answeredSafely(String name, Expect expect, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        String shown = name + " answered " + status + ": " + (body.length() > 500 ? body.substring(0, 500) : body);

        assertThat(status).as(shown).isLessThan(500);
        assertThat(LEAK.matcher(body).find()).as("implementation details in " + shown).isFalse();
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(shown)
                    .startsWith("application/problem+json");
            JsonNode problem = read(response);
            assertThat(problem.path("status").asInt()).as(shown).isEqualTo(status);
            assertThat(problem.path("title").asString()).as(shown).isNotBlank();
        } else {
            assertThat(expect).as("accepted: " + shown).isEqualTo(Expect.HARMLESS);
            assertThat(body).as(shown).doesNotContain("../", "..\\", "\u202E");
        }
    }

    private static Map<String, String> fields(String... nameThenJson) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameThenJson.length; i += 2) {
            fields.put(nameThenJson[i], nameThenJson[i + 1]);
        }
        return fields;
    }
}
