package mx.gob.inm.preregistro.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pre-registration screens in Chromium (R-PRE-2..12, R-FMM-2/3/5): pre-check and variant choice, the
 * four-step wizard over a server draft, the history and the public FMME verification, with the API
 * answered by canned JSON and problem+json; what the pages send is checked too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "IDENTITY_SERVICE_URL=http://127.0.0.1:9")
class PreregistrationPagesBrowserTest extends UiBrowserTest {

    private static final String TOMORROW = LocalDate.now().plusDays(1).toString();
    private static final String EXPIRY = LocalDate.now().plusYears(5).toString();
    private static final String RECOVERY_TOO_SOON = "Ya pidió el reenvío de la FMM y el QR: llegarán a su correo en un "
            + "lapso de 5 minutos (revise también la carpeta de spam).";
    private static final String RESCHEDULE_LIMIT =
            "Este Pre-Registro ya se modificó el máximo de veces permitido en 24 horas.";
    private static final String SUBMISSION_LIMIT = "Ya envió el máximo de Pre-Registros permitido en 24 horas.";
    private static final String FORM = """
            {"catalogues": {
               "airports": [{"code": "MEX", "es": "Ciudad de México", "en": "Mexico City"}, {"code": "CUN", "es": "Cancún", "en": "Cancun"}],
               "purposes": [{"code": "TOURISM", "es": "Turismo", "en": "Tourism"}, {"code": "BUSINESS", "es": "Negocios", "en": "Business"}],
               "states": [{"code": "CMX", "es": "Ciudad de México", "en": "Mexico City"}, {"code": "ROO", "es": "Quintana Roo", "en": "Quintana Roo"}]},
             "questions": [{"id": "deported", "es": "¿Ha sido deportado de México?", "en": "Have you been deported from Mexico?"},
                           {"id": "criminal", "es": "¿Tiene antecedentes penales?", "en": "Do you have a criminal record?"}],
             "attachments": {"NUE": ["EXIT_TICKET", "LODGING"], "DIPLOMATIC": ["SRE_CARD"], "NO_NUE": ["EXIT_TICKET", "LODGING", "ITINERARY"]}}
            """;

    /** A 160 px QR code of the text "SELLO.QR.1" as PNG (made once with ZXing's QRCodeWriter). */
    private static final String QR_PNG = ""
            + "iVBORw0KGgoAAAANSUhEUgAAAKAAAACgCAAAAACupDjxAAAEuklEQVR4Xu2OUa4kNwwD9/6XnsDdGHNTJtn94gDZAK4vSaQo/fr8"
            + "4fzi4E/jPLjLeXCX8+Au58FdzoO7nAd3OQ/uch7c5Ty4y3lwl/PgLufBXf7XD/56Rj634WaOedHQROYY5HMbbuaYFw1NZI5BPrfh"
            + "Zo550dBE5hjkcxtu5pgXDU1kjkE+t+FmjnnR0MS+7FR30/lEVz/nwe9MLejq5zz4nakFXf28fXDevYkqhOjDTOaVJiJGRBVC9GEm"
            + "80oTESOiCiH6MJN5pYmIEVGFEH2YybzSRMSIqEKIPsxkXmkiYkRU5ypV+JwaaCJiRFTnKlX4nBpoImJEVOcqVficGmgiYkRU5ypV"
            + "+JwaaCJiRFTnKlX4nBpoImKEU+dWbu/liTOvNBExwqlzK7f38sSZV5qIGOHUuZXbe3nizCtNRIxw6tzK7b08ceaVJiJGOHVu5fZe"
            + "njjzShP7MtR59zecD3T1cx5cfaCrn/Pg6gNd/bx4sCNfrzr3OU8TmWOQr1ed+5ynicwxyNerzn3O00TmGOTrVec+52kicwzy9apz"
            + "n/NU8Z/x7vBb/pWQv3Me3OU8ONElATX6BDYgwLLSRAReQI0+gQ0IsKw0EYEXUKNPYAMCLCtNROAF1OgT2IAAy0oTEXgBNfoENiDA"
            + "slLFARJiex+twIeAQBUHSIjtfbQCHwICVRwgIbb30Qp8CAhUcYCE2N5HK/AhIFDFARJiex+twIeAQBPjMo5gBsHxwvKl2WKM+0Mz"
            + "CI4Xli/NFmPcH5pBcLywfGm2GOP+0AyC44XlS7PFGPeHZhAcLyxfHm04fEHPIFriDFWgigPlC3oG0RJnqAJVHChf0DOIljhDFaji"
            + "QPmCnkG0xBmqQBUHyhf0DKIlzlAFqjhxMfPub5fQwoxWSFip4sTFIN+1MKMVElaqOHExyHctzGiFhJUqTlwM8l0LM1ohYaWKExeD"
            + "fNfCjFZIWKniS3AJN53gqkAVX3IdiTed4KpAFV9yHYk3neCqQBVfch2JN53gqkAVX3IdiTed4KpAE6/lDlcGTtUMwiPNi1QHVwZO"
            + "1QzCI82LVAdXBk7VDMIjzYtUB1cGTtUMwiPNi1QHVwZO1QzCI83bs7rq0Mb89DmgOXpCVx3amP89BzRHT+iqQxvzv+eA5ugJXXVo"
            + "Y/73HNAcPaGrDm3M/54DmsMFYubMah3OotlKE7WsLMycWa3DWTRbaaKWlYWZM6t1OItmK03UsrIwc2a1DmfRbKWJWlYWZs6s1uEs"
            + "mq00UcvKwsxVaqFi5oSV5lCCAjFzlVqomDlhpTmUoEDMXKUWKmZOWGkOJSgQM1ephYqZE1aaQwkKxMxVaqFi5oSV5lCCAjF7q16V"
            + "cLNAs+GI+Ll6VcLNAs2GI+Ln6lUJNws0G46In6tXJdws0Gw4In6uXpVws0Cz9Ri8IKIFZvkazdZj3E1swAKzfI1m6zHuJjZggVm+"
            + "RrP1GHcTG7DALF+j2XqMu4kNWGCWr9Fsyoo4HwJgcW2jORQTcT4EwOLaRnMoJuJ8CIDFtY3mUEzE+RAAi2sbzaGYiPMhABbXNp4d"
            + "/zHnwV3Og7ucB3c5D+5yHtzlPLjLeXCX8+Au58FdzoO7nAd3OQ/uch7c5Y9/8C+3E3LIKPBZsgAAAABJRU5ErkJggg==";

    @TempDir
    static Path files;

    @BeforeEach
    void returningVisitor() {
        browser.resetViewport();
        browser.open(url("/")).clearStorage();
        browser.script("localStorage.setItem('preregistro.welcomeSeen', 'true');");
        browser.open("about:blank");
    }

    private static String document(String id, String classification) {
        return """
                {"id": "%s", "documentNumber": "AB1234567", "surname": "PEREZ", "givenNames": "MARIA JOSE", "nationality": "COL",
                 "issuingState": "COL", "birthDate": "1990-05-17", "expiryDate": "%s", "classification": "%s", "status": "VALID"}
                """.formatted(id, EXPIRY, classification);
    }

    private WebElement field(String name) {
        return browser.find(By.cssSelector("[data-field='" + name + "']"));
    }

    private WebElement byTestId(String id) {
        return browser.find(By.cssSelector("[data-testid='" + id + "']"));
    }

    private void type(String name, String text) {
        WebElement input = browser.find(By.cssSelector("#asistente-form [name='" + name + "']"));
        input.clear();
        input.sendKeys(text);
    }

    private void setDate(String name, String date) {
        browser.script("const i = document.querySelector(arguments[0]); i.value = arguments[1];"
                + "i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new Event('change', {bubbles: true}));",
                "#asistente-form [name='" + name + "']", date);
    }

    private void select(String name, String value) {
        new Select(browser.find(By.cssSelector("#asistente-form [name='" + name + "']"))).selectByValue(value);
    }

    private void waitForStep(String title) {
        browser.waitUntil(d -> browser.find(By.id("asistente-titulo")).getText().equals(title));
    }

    @Test
    @DisplayName("R-PRE-2 R-PRE-7 the pre-check says when no pre-registration is needed; the NUE is asked only when the server says it is not on file")
    void precheckAndVariant() {
        show("/");
        stubApi("""
                {"GET /api/documents/d1": [{"status": 200, "body": %s}],
                 "GET /api/preregistrations/form": [{"status": 200, "body": %s}],
                 "POST /api/preregistrations": [
                   {"status": 400, "body": {"title": "Datos inválidos", "status": 400, "errors": [
                     {"field": "nue", "code": "required", "message": "Capture el NUE."}]}},
                   {"status": 201, "body": {"id": "p1", "status": "DRAFT"}}],
                 "GET /api/preregistrations/p1": [{"status": 200, "body": {"id": "p1", "documentId": "d1", "variant": "NUE", "status": "DRAFT"}}]}
                """.formatted(document("d1", "ORDINARY"), FORM));
        navigate("/preregistro/nuevo/d1");
        browser.waitForVisible(By.cssSelector("[data-testid='precheck-yes']")).click();
        assertThat(byTestId("precheck-not-needed").getText()).contains("no es necesario realizar el Pre-Registro");
        assertThat(browser.find(By.id("prerregistro-variantes")).isDisplayed()).isFalse();

        byTestId("precheck-no").click();
        assertThat(byTestId("precheck-not-needed").isDisplayed()).isFalse();
        assertThat(browser.findAll(By.cssSelector("[name='variant']"))).extracting(e -> e.getAttribute("value"))
                .as("an ordinary document: NUE or no NUE").containsExactly("NUE", "NO_NUE");
        assertThat(browser.find(By.id("prerregistro-variantes")).getText()).contains("Cuenta con NUE", "No cuenta con NUE");
        browser.assertAccessible();

        byTestId("variant-NUE").click();
        assertThat(browser.find(By.id("prerregistro-nue")).isDisplayed()).as("not asked before the server says so").isFalse();
        byTestId("variant-continue").click();
        browser.waitUntil(d -> browser.find(By.id("prerregistro-nue")).isDisplayed());
        assertThat(field("nue").getText()).contains("Número Único de Extranjero (NUE)", "solo se capturará la primera vez");
        browser.screenshot("pre-2-nue");
        browser.find(By.id("prerregistro-nue")).sendKeys("12345678");
        byTestId("variant-continue").click();
        browser.waitUntil(d -> "#/preregistro/registro/p1".equals(browser.script("return location.hash;")));
        List<Map<String, Object>> posts = requestsTo("POST", "/api/preregistrations");
        assertThat((String) posts.get(0).get("body")).isEqualTo("{\"documentId\":\"d1\",\"variant\":\"NUE\"}");
        assertThat((String) posts.get(1).get("body")).isEqualTo("{\"documentId\":\"d1\",\"variant\":\"NUE\",\"nue\":\"12345678\"}");
        waitForStep("Información del Viaje");
    }

    @Test
    @DisplayName("R-PRE-2 a diplomatic document offers only the diplomatic variant")
    void diplomaticVariant() {
        show("/");
        stubApi("""
                {"GET /api/documents/d2": [{"status": 200, "body": %s}],
                 "GET /api/preregistrations/form": [{"status": 200, "body": %s}]}
                """.formatted(document("d2", "DIPLOMATIC"), FORM));
        navigate("/preregistro/nuevo/d2");
        browser.waitForVisible(By.cssSelector("[data-testid='precheck-no']")).click();
        assertThat(browser.findAll(By.cssSelector("[name='variant']"))).extracting(e -> e.getAttribute("value"))
                .containsExactly("DIPLOMATIC");
        assertThat(byTestId("variant-DIPLOMATIC").isSelected()).isTrue();
    }

    @Test
    @DisplayName("R-PRE-3 R-PRE-4 R-PRE-5 R-PRE-6 R-PRE-8 R-PRE-9 the wizard: four steps with SIGUIENTE and ANTERIOR, client and server field errors, attachments, terms, the 3-hour block and the No Cumple decision")
    void wizard() throws IOException {
        Path pdf = files.resolve("boleto.pdf");
        Files.writeString(pdf, "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        Path notAllowed = files.resolve("boleto.txt");
        Files.writeString(notAllowed, "texto");
        show("/");
        stubApi("""
                {"GET /api/preregistrations/p3": [{"status": 200, "body": {"id": "p3", "documentId": "d1", "variant": "NO_NUE", "status": "DRAFT"}}],
                 "GET /api/preregistrations/form": [{"status": 200, "body": %s}],
                 "PUT /api/preregistrations/p3/travel": [
                   {"status": 400, "body": {"title": "Datos inválidos", "status": 400, "errors": [
                     {"field": "flightNumber", "code": "flight_number", "message": "El número de vuelo no es válido."}]}},
                   {"status": 200, "body": {}}],
                 "PUT /api/preregistrations/p3/additional": [{"status": 200, "body": {}}],
                 "PUT /api/preregistrations/p3/control": [{"status": 200, "body": {}}],
                 "PUT /api/preregistrations/p3/attachments/EXIT_TICKET": [{"status": 200, "body": {}}],
                 "PUT /api/preregistrations/p3/attachments/LODGING": [{"status": 200, "body": {}}],
                 "PUT /api/preregistrations/p3/attachments/ITINERARY": [{"status": 200, "body": {}}],
                 "POST /api/preregistrations/p3/submit": [
                   {"status": 409, "body": {"title": "Pre-registro no permitido", "status": 409, "code": "RETRY_BLOCKED",
                     "retryAllowedAt": "2030-01-15T18:30:00Z"}},
                   {"status": 200, "body": {"status": "REJECTED", "message": "La información proporcionada en este Pre-Registro No Cumple con los Requisitos Solicitados"}}]}
                """.formatted(FORM));
        navigate("/preregistro/registro/p3");
        waitForStep("Información del Viaje");
        assertThat(byTestId("wizard-steps").getText()).contains("Información del Viaje", "Información Adicional",
                "Control Migratorio", "Terminar Registro");
        assertThat(browser.findAll(By.cssSelector("[data-testid='wizard-previous']"))).isEmpty();
        assertThat(field("exitDate").getText()).contains("no debe ser mayor a 180 días");
        assertThat(new Select(browser.find(By.name("arrivalAirport"))).getOptions()).extracting(WebElement::getText)
                .contains("Ciudad de México (MEX)", "Cancún (CUN)");

        byTestId("wizard-next").click();
        for (String name : List.of("entryDate", "exitDate", "arrivalAirport", "airline", "flightNumber", "originCountry", "originCity", "purpose")) {
            assertThat(field(name).getAttribute("class")).as(name).contains("is-invalid");
        }
        assertThat(byTestId("wizard-alert").getText()).isEqualTo("Revise los campos marcados en rojo.");
        browser.screenshotFullPage("pre-3-travel-errors");

        setDate("entryDate", TOMORROW);
        assertThat(byTestId("warning-24h").isDisplayed()).as("R-PRE-6 a warning, not a block").isTrue();
        assertThat(byTestId("warning-24h").getText()).contains("24 horas");
        setDate("exitDate", LocalDate.now().plusDays(182).toString());
        assertThat(field("exitDate").getText()).contains("no debe ser mayor a 180 días después del ingreso");
        setDate("exitDate", LocalDate.now().plusDays(181).toString());
        assertThat(field("exitDate").getAttribute("class")).contains("is-valid");
        select("arrivalAirport", "CUN");
        type("airline", "Avianca");
        type("flightNumber", "AV0000");
        select("originCountry", "COL");
        type("originCity", "Bogotá");
        select("purpose", "TOURISM");
        byTestId("wizard-next").click();
        browser.waitUntil(d -> field("flightNumber").getAttribute("class").contains("is-invalid"));
        assertThat(field("flightNumber").getText()).contains("El número de vuelo no es válido.");
        assertThat(browser.activeElement().getAttribute("name")).isEqualTo("flightNumber");
        type("flightNumber", "AV0230");
        byTestId("wizard-next").click();
        waitForStep("Información Adicional");
        @SuppressWarnings("unchecked")
        String travel = (String) requestsTo("PUT", "/api/preregistrations/p3/travel").get(1).get("body");
        assertThat(travel).contains("\"entryDate\":\"" + TOMORROW + "\"", "\"arrivalAirport\":\"CUN\"", "\"flightNumber\":\"AV0230\"",
                "\"originCountry\":\"COL\"", "\"purpose\":\"TOURISM\"");

        // ANTERIOR goes back with what was saved.
        byTestId("wizard-previous").click();
        waitForStep("Información del Viaje");
        assertThat(browser.find(By.name("flightNumber")).getAttribute("value")).isEqualTo("AV0230");
        byTestId("wizard-next").click();
        waitForStep("Información Adicional");

        select("lodgingType", "HOTEL");
        type("lodgingName", "Hotel Centro");
        type("street", "Av. Juárez 10");
        type("city", "Cancún");
        select("state", "ROO");
        type("postalCode", "77500");
        type("phone", "5512345678");
        type("occupation", "Ingeniera");
        byTestId("wizard-next").click();
        waitForStep("Control Migratorio");
        assertThat(browser.find(By.id("asistente-form")).getText()).contains("¿Ha sido deportado de México?", "¿Tiene antecedentes penales?");
        byTestId("answer-deported-no").click();
        byTestId("wizard-next").click();
        assertThat(field("q-criminal").getText()).contains("Responda esta pregunta.");
        byTestId("answer-criminal-no").click();
        byTestId("wizard-next").click();
        waitForStep("Terminar Registro");
        assertThat((String) requestsTo("PUT", "/api/preregistrations/p3/control").get(0).get("body"))
                .isEqualTo("{\"answers\":{\"deported\":false,\"criminal\":false}}");

        // R-PRE-4: three slots for variant III, each with its not-yet-uploaded icon.
        List<WebElement> slots = browser.findAll(By.cssSelector("[data-testid^='slot-'][data-slot]"));
        assertThat(slots).extracting(e -> e.getAttribute("data-slot")).containsExactly("EXIT_TICKET", "LODGING", "ITINERARY");
        assertThat(browser.findAll(By.cssSelector("[data-testid='slot-state']"))).extracting(e -> e.getAttribute("data-state"))
                .containsOnly("missing");
        byTestId("send-information").click();
        assertThat(field("slot-ITINERARY").getText()).contains("Adjunte este archivo.");
        assertThat(field("termsAccepted").getText()).contains("Acepte los términos y condiciones.");
        browser.screenshotFullPage("pre-4-attachments");

        byTestId("slot-file-EXIT_TICKET").sendKeys(notAllowed.toString());
        browser.waitUntil(d -> field("slot-EXIT_TICKET").getText().contains("El archivo debe ser PDF, JPG, PNG o JPEG."));
        for (String slot : List.of("EXIT_TICKET", "LODGING", "ITINERARY")) {
            byTestId("slot-file-" + slot).sendKeys(pdf.toString());
            browser.waitUntil(d -> "selected".equals(browser.find(By.cssSelector("[data-slot='" + slot + "'] .slot-state")).getAttribute("data-state")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> upload = (Map<String, Object>) requestsTo("PUT", "/api/preregistrations/p3/attachments/LODGING").get(0).get("body");
        assertThat(upload.get("file").toString()).contains("boleto.pdf");
        assertThat(byTestId("slot-EXIT_TICKET").getText()).contains("Archivo seleccionado: boleto.pdf");
        assertThat(byTestId("attachment-slots").getText()).contains("Boleto de salida", "Hospedaje", "Itinerario");
        byTestId("terms-accepted").click();
        browser.assertAccessible();

        byTestId("send-information").click();
        browser.waitUntil(d -> byTestId("wizard-alert").isDisplayed());
        assertThat(byTestId("wizard-alert").getText()).contains("antes de 3 horas", "Podrá intentarlo de nuevo a partir de:", "2030");

        byTestId("send-information").click();
        WebElement rejected = browser.waitForVisible(By.cssSelector("[data-testid='decision-rejected']"));
        assertThat(rejected.getText()).contains("La información proporcionada en este Pre-Registro No Cumple con los Requisitos Solicitados");
        assertThat(requestsTo("POST", "/api/preregistrations/p3/submit").get(1).get("body")).isEqualTo("{\"termsAccepted\":true}");
        browser.screenshot("pre-8-rejected");
    }

    @Test
    @DisplayName("R-PRE-3 R-PRE-12 a reload resumes the server draft at its first unsaved step, a submission past the day's limit shows the wait and why, and the approval is shown only from the server's answer")
    void resumeAndApprove() {
        show("/");
        stubApi("""
                {"GET /api/preregistrations/p4": [{"status": 200, "body": {"id": "p4", "documentId": "d1", "variant": "DIPLOMATIC", "status": "DRAFT",
                   "travel": {"entryDate": "%s", "exitDate": "%s", "arrivalAirport": "MEX", "airline": "Avianca", "flightNumber": "AV1",
                     "originCountry": "COL", "originCity": "Bogotá", "purpose": "TOURISM"},
                   "additional": {"lodgingType": "HOTEL", "lodgingName": "H", "street": "S", "city": "C", "state": "CMX",
                     "postalCode": "01000", "phone": "5512345678", "occupation": "O"},
                   "control": {"answers": {"deported": false, "criminal": false}},
                   "attachments": [{"slot": "SRE_CARD", "fileName": "carne.pdf"}]}}],
                 "GET /api/preregistrations/form": [{"status": 200, "body": %s}],
                 "POST /api/preregistrations/p4/submit": [
                   {"status": 429, "headers": {"Retry-After": "3000"}, "body": {"title": "Demasiados envíos",
                     "status": 429, "code": "submission_limit", "detail": "%s"}},
                   {"status": 200, "body": {"status": "APPROVED", "message": "ok"}}]}
                """.formatted(TOMORROW, LocalDate.now().plusDays(10), FORM, SUBMISSION_LIMIT));
        navigate("/preregistro/registro/p4");
        waitForStep("Terminar Registro");
        assertThat(browser.find(By.cssSelector("[aria-current='step']")).getText()).isEqualTo("Terminar Registro");
        assertThat(browser.findAll(By.cssSelector("[data-slot]"))).extracting(e -> e.getAttribute("data-slot")).containsExactly("SRE_CARD");
        assertThat(browser.find(By.cssSelector("[data-slot='SRE_CARD'] .slot-state")).getAttribute("data-state")).isEqualTo("selected");

        byTestId("wizard-previous").click();
        waitForStep("Control Migratorio");
        assertThat(byTestId("answer-deported-no").isSelected()).isTrue();
        byTestId("wizard-previous").click();
        waitForStep("Información Adicional");
        assertThat(browser.find(By.name("postalCode")).getAttribute("value")).isEqualTo("01000");

        // Opening the draft again (as a reload does) reads it from the server and resumes at Terminar Registro.
        navigate("/historial-no-existe");
        navigate("/preregistro/registro/p4");
        waitForStep("Terminar Registro");
        assertThat(requestCount("GET", "/api/preregistrations/p4")).isEqualTo(2);
        byTestId("terms-accepted").click();
        // past the account's submissions of the day: the wait, and why; the draft stays where it was
        byTestId("send-information").click();
        browser.waitUntil(d -> byTestId("wizard-alert").getText()
                .equals("Demasiadas solicitudes. Espere 50 minutos e intente de nuevo. " + SUBMISSION_LIMIT));
        byTestId("send-information").click();
        WebElement approved = browser.waitForVisible(By.cssSelector("[data-testid='decision-approved']"));
        assertThat(approved.getText()).contains("Su Pre-Registro se realizó correctamente", "Historial de Registros",
                "NO OLVIDE DESCARGAR SUS ARCHIVOS");
        assertThat(byTestId("go-history").getAttribute("href")).endsWith("#/historial");
        browser.screenshot("pre-12-approved");
    }

    @Test
    @DisplayName("R-PRE-11 R-FMM-2 R-FMM-3 the history shows every status, the QR and FMME links, Modificar, the red recovery icon and No disponible")
    void history() {
        show("/");
        stubApi("""
                {"GET /api/preregistrations": [{"status": 200, "body": [
                   {"id": "a1", "documentId": "d1", "entryDate": "2030-01-10", "flightNumber": "AV10", "status": "APPROVED", "deliveryFailed": true, "actions": []},
                   {"id": "r1", "documentId": "d1", "entryDate": "2030-01-11", "flightNumber": "AV11", "status": "REJECTED", "deliveryFailed": false, "actions": []},
                   {"id": "c1", "documentId": "d1", "entryDate": "2030-01-12", "flightNumber": "AV12", "status": "CANCELLED", "deliveryFailed": false, "actions": []},
                   {"id": "n1", "documentId": "d1", "entryDate": "2020-01-12", "flightNumber": "AV13", "status": "NOT_AVAILABLE", "deliveryFailed": false, "actions": []},
                   {"id": "b1", "documentId": "d1", "entryDate": "2030-02-01", "flightNumber": "AV14", "status": "DRAFT", "deliveryFailed": false, "actions": []}]}],
                 "POST /api/preregistrations/a1/recovery": [{"status": 202, "body": {}},
                   {"status": 429, "headers": {"Retry-After": "240"}, "body": {"title": "Recuperación en curso",
                     "status": 429, "code": "recovery_too_soon", "detail": "%s"}}],
                 "POST /api/preregistrations/a1/reschedule": [
                   {"status": 400, "body": {"title": "Datos inválidos", "status": 400, "errors": [
                     {"field": "flightNumber", "code": "flight_number", "message": "El número de vuelo no es válido."}]}},
                   {"status": 200, "body": {"status": "APPROVED"}},
                   {"status": 429, "headers": {"Retry-After": "85800"}, "body": {"title": "Demasiadas modificaciones",
                     "status": 429, "code": "reschedule_limit", "detail": "%s"}}]}
                """.formatted(RECOVERY_TOO_SOON, RESCHEDULE_LIMIT));
        navigate("/historial");
        browser.waitForVisible(By.cssSelector("[data-testid='history-table']"));
        assertThat(browser.find(PAGE_TITLE).getText()).isEqualTo("Historial de Registros");
        assertThat(browser.findAll(By.cssSelector("[data-testid='history-status']"))).extracting(WebElement::getText)
                .containsExactly("Correcto", "No cumple", "Cancelado", "No disponible", "Borrador");
        WebElement approved = browser.find(By.cssSelector("tr[data-id='a1']"));
        assertThat(approved.findElement(By.cssSelector("[data-testid='download-qr']")).getAttribute("href")).endsWith("/api/fmme/a1/qr.pdf");
        assertThat(approved.findElement(By.cssSelector("[data-testid='download-fmme']")).getAttribute("href")).endsWith("/api/fmme/a1/fmme.pdf");
        assertThat(approved.getText()).contains("No fue posible enviar FMM, favor de intentar más tarde");
        WebElement recover = approved.findElement(By.cssSelector("[data-testid='recover-fmme']"));
        assertThat(recover.getCssValue("color")).isEqualTo("rgba(179, 38, 30, 1)");
        assertThat(browser.find(By.cssSelector("tr[data-id='r1']")).findElements(By.cssSelector("a, button"))).isEmpty();
        assertThat(browser.find(By.cssSelector("tr[data-id='n1']")).getText()).contains("No disponible");
        assertThat(browser.find(By.cssSelector("tr[data-id='n1']")).findElements(By.cssSelector("a"))).isEmpty();
        assertThat(browser.find(By.cssSelector("tr[data-id='b1'] [data-testid='continue-draft']")).getAttribute("href"))
                .endsWith("#/preregistro/registro/b1");
        browser.screenshotFullPage("pre-11-history");
        browser.assertAccessible();

        recover.click();
        WebElement message = browser.waitForVisible(By.cssSelector("[data-testid='history-message']"));
        assertThat(message.getText()).contains("5 minutos", "notificaciones-inami@inami.gob.mx", "alertas.sistemas@inami.gob.mx");
        assertThat(requestCount("POST", "/api/preregistrations/a1/recovery")).isEqualTo(1);
        // a recovery asked again within 5 minutes: the wait, and why
        recover.click();
        browser.waitUntil(d -> browser.find(By.id("historial-aviso")).getText()
                .equals("Demasiadas solicitudes. Espere 4 minutos e intente de nuevo. " + RECOVERY_TOO_SOON));

        WebElement dialog = reschedule("Avianca", "X");
        browser.waitUntil(d -> dialog.findElement(By.cssSelector("[data-field='flightNumber']")).getText().contains("El número de vuelo no es válido."));
        dialog.findElement(By.name("flightNumber")).sendKeys("AV99");
        byTestId("reschedule-save").click();
        browser.waitUntil(d -> message.getText().contains("El registro se modificó."));
        assertThat((String) requestsTo("POST", "/api/preregistrations/a1/reschedule").get(1).get("body"))
                .contains("\"entryDate\":\"" + TOMORROW + "\"", "\"airline\":\"Avianca\"", "\"flightNumber\":\"XAV99\"");

        // the eleventh reschedule of the day
        reschedule("AV", "AV98");
        browser.waitUntil(d -> browser.find(By.id("historial-modificar-aviso")).getText()
                .equals("Demasiadas solicitudes. Espere 24 horas e intente de nuevo. " + RESCHEDULE_LIMIT));
    }

    /** Modificar on the approved row of the history: new dates, the airline and flight typed, GUARDAR; the dialog. */
    private WebElement reschedule(String airline, String flight) {
        browser.waitForVisible(By.cssSelector("tr[data-id='a1'] [data-testid='reschedule']")).click();
        WebElement dialog = browser.waitForVisible(By.cssSelector("[data-testid='reschedule-dialog']"));
        browser.script("for (const [n, v] of [['entryDate', arguments[0]], ['exitDate', arguments[1]]]) {"
                + "const i = document.querySelector('#historial-modificar-form [name=' + n + ']'); i.value = v; }",
                TOMORROW, LocalDate.now().plusDays(20).toString());
        dialog.findElement(By.name("airline")).sendKeys(airline);
        dialog.findElement(By.name("flightNumber")).sendKeys(flight);
        byTestId("reschedule-save").click();
        return dialog;
    }

    @Test
    @DisplayName("R-PRE-3 R-PRE-11 the wizard and the history switch to English, questions and catalogues included")
    void english() {
        show("/");
        stubApi("""
                {"GET /api/preregistrations/p6": [{"status": 200, "body": {"id": "p6", "documentId": "d1", "variant": "NO_NUE", "status": "DRAFT",
                   "travel": {"entryDate": "%s", "exitDate": "%s", "arrivalAirport": "MEX", "airline": "A", "flightNumber": "AV1",
                     "originCountry": "COL", "originCity": "B", "purpose": "TOURISM"},
                   "additional": {"lodgingType": "HOTEL", "lodgingName": "H", "street": "S", "city": "C", "state": "CMX",
                     "postalCode": "01000", "phone": "5512345678", "occupation": "O"}}}],
                 "GET /api/preregistrations/form": [{"status": 200, "body": %s}],
                 "GET /api/preregistrations": [{"status": 200, "body": [{"id": "a1", "entryDate": "2030-01-10", "flightNumber": "AV10", "status": "REJECTED"}]}]}
                """.formatted(TOMORROW, LocalDate.now().plusDays(10), FORM));
        navigate("/preregistro/registro/p6");
        waitForStep("Control Migratorio");
        browser.find(By.cssSelector("[data-lang='en']")).click();
        waitForStep("Migration control");
        assertThat(browser.find(By.id("asistente-form")).getText()).contains("Have you been deported from Mexico?", "NEXT", "PREVIOUS");
        navigate("/historial");
        browser.waitUntil(d -> "Registration history".equals(browser.find(PAGE_TITLE).getText()));
        browser.waitForVisible(By.cssSelector("[data-testid='history-status']"));
        assertThat(byTestId("history-status").getText()).isEqualTo("Does not meet requirements");
        browser.find(By.cssSelector("[data-lang='es']")).click();
        browser.waitUntil(d -> "Historial de Registros".equals(browser.find(PAGE_TITLE).getText()));
    }

    @Test
    @DisplayName("R-FMM-5 Verificar FMME (public) checks a pasted seal and shows its status and folio")
    void verifyFmme() {
        show("/");
        stubApi("""
                {"GET /api/fmme/verify?seal=SELLO.VALIDO": [{"status": 200, "body": {"status": "VALID", "folio": "FMME-2030-000001"}}],
                 "GET /api/fmme/verify?seal=SELLO.CANCELADO": [{"status": 200, "body": {"status": "REVOKED", "folio": "FMME-2030-000002"}}]}
                """);
        navigate("/verificar");
        browser.waitUntil(d -> "Verificar FMME".equals(browser.find(PAGE_TITLE).getText()));
        byTestId("verify-submit").click();
        assertThat(field("seal").getText()).contains("Pegue el sello o cargue la imagen del código QR.");

        byTestId("verify-seal").sendKeys("SELLO.VALIDO");
        byTestId("verify-submit").click();
        WebElement result = browser.waitForVisible(By.cssSelector("[data-testid='verify-result']"));
        assertThat(result.getText()).contains("Válida", "FMME-2030-000001", "auténtico");
        browser.assertAccessible();

        byTestId("verify-seal").clear();
        byTestId("verify-seal").sendKeys("SELLO.CANCELADO");
        byTestId("verify-submit").click();
        browser.waitUntil(d -> "REVOKED".equals(byTestId("verify-result").getAttribute("data-status")));
        assertThat(byTestId("verify-result").getText()).contains("Cancelada");
        browser.screenshot("fmm-5-verify");
    }

    @Test
    @DisplayName("R-FMM-5 Verificar FMME reads the seal from an uploaded image of the QR code in the browser")
    void verifyFromQrImage() throws IOException {
        Path qr = files.resolve("qr.png");
        Files.write(qr, Base64.getDecoder().decode(QR_PNG));
        show("/");
        stubApi("""
                {"GET /api/fmme/verify?seal=SELLO.QR.1": [{"status": 200, "body": {"status": "EXPIRED", "folio": "FMME-2030-000003"}}]}
                """);
        navigate("/verificar");
        browser.waitUntil(d -> "Verificar FMME".equals(browser.find(PAGE_TITLE).getText()));
        byTestId("verify-qr-file").sendKeys(qr.toString());
        browser.waitUntil(d -> "SELLO.QR.1".equals(byTestId("verify-seal").getAttribute("value")));
        assertThat(browser.find(By.id("verificar-qr-estado")).getText()).isEqualTo("Se leyó el código QR de la imagen.");
        byTestId("verify-submit").click();
        browser.waitUntil(d -> "EXPIRED".equals(byTestId("verify-result").getAttribute("data-status")));
        assertThat(byTestId("verify-result").getText()).contains("Vencida", "FMME-2030-000003");
    }
}
