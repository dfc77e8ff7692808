package mx.gob.inm.preregistro.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import mx.gob.inm.preregistro.document.ocr.PassportGenerator;
import mx.gob.inm.preregistro.testing.browser.Browser;

/**
 * The traveller's journey in Chromium through the running stack, as a person makes it: CARGAR IMAGEN with a photo of a
 * passport page, the zone read by the service's OCR into VALIDAR DOCUMENTO, REGISTRAR, INICIAR SERVICIOS, the
 * pre-registration without NUE (variant III) in its four steps with attachments, the approval, and the history with
 * the two files to download.
 */
@ExtendWith(RunningStack.class)
class BrowserJourneyTest {

    private static final String PASSWORD = "Viajera#2026";
    /** Debian's fonts-ocr-b, the typeface of machine-readable zones (installed with the OCR packages). */
    private static final Path OCR_B = Path.of("/usr/share/fonts/opentype/ocr-b/OCRB.otf");

    private final LocalStack stack = RunningStack.stack();
    private final String gateway = "http://localhost:" + stack.port("GATEWAY_PORT");

    @TempDir
    Path files;

    @Test
    @DisplayName("R-DOC-2 R-DOC-4 R-DOC-7 R-DOC-8 R-PRE-1 R-PRE-2 R-PRE-3 R-PRE-4 R-PRE-11 R-PRE-12 R-FMM-2 in Chromium: a photo of a passport is read into VALIDAR DOCUMENTO and registered; variant III goes through the four steps to the approval; Historial de Registros shows it approved with both PDFs to download")
    void passportPhotoToHistory() throws Exception {
        TravellerSession traveller = TravellerSession.registered(stack, "Valentina", PASSWORD);
        Map<String, String> truth = colombianPassport();
        Path photo = files.resolve("pasaporte.jpg");
        ImageIO.write(onDesk(generator().page(new PassportGenerator.Passport(truth))), "jpg", photo.toFile());
        Path ticket = files.resolve("boleto.png");
        Files.write(ticket, TravellerJourneyTest.ticketPng());

        try (Browser browser = Browser.start()) {
            browser.open(gateway + "/oauth2/authorization/keycloak");
            BrowserSteps.signIn(browser, gateway, traveller.email, PASSWORD);
            browser.open(gateway + "/#/principal");
            WebElement register = browser.waitForVisible(By.cssSelector("[data-testid='register-documents']"));
            BrowserSteps.closeWelcome(browser);
            register.click();

            // R-DOC-2 CARGAR IMAGEN, GUARDAR FOTO; R-DOC-4 what the OCR read is in the fields
            browser.waitForVisible(By.cssSelector("[data-testid='capture-document']")).click();
            browser.find(By.cssSelector("[data-testid='image-file']")).sendKeys(photo.toString());
            BrowserSteps.keepCaptchaAnswers(browser);
            browser.waitForVisible(By.cssSelector("[data-testid='save-photo']")).click();
            browser.waitForVisible(By.cssSelector("[data-testid='validate-form']"));
            browser.waitUntil(driver -> !value(browser, "documento-documentNumber").isEmpty());
            assertThat(value(browser, "documento-documentNumber")).isEqualTo(truth.get("documentNumber"));
            assertThat(value(browser, "documento-surname")).isEqualTo(truth.get("surname"));
            assertThat(value(browser, "documento-givenNames")).isEqualTo(truth.get("givenNames"));
            assertThat(value(browser, "documento-nationality")).isEqualTo("COL");
            assertThat(value(browser, "documento-issuingState")).isEqualTo("COL");
            assertThat(value(browser, "documento-sex")).isEqualTo(truth.get("sex"));
            assertThat(value(browser, "documento-birthDate")).isEqualTo("19" + isoDate(truth.get("birthDate")));
            assertThat(value(browser, "documento-expiryDate")).isEqualTo("20" + isoDate(truth.get("expiryDate")));
            browser.screenshotFullPage("system-document-read");

            // R-DOC-7 R-DOC-8 classification, captcha, REGISTRAR, the confirmations, then the services
            browser.find(By.cssSelector("[data-testid='classification-ordinary']")).click();
            browser.find(By.id("documento-captcha-answer")).sendKeys(BrowserSteps.captchaAnswer(browser));
            browser.find(By.cssSelector("[data-testid='register-document']")).click();
            browser.waitForVisible(By.cssSelector("[data-testid='dialog-ok']")).click();
            dialogOk(browser, "El documento se registró correctamente.");
            dialogOk(browser, "¿Desea continuar con los servicios para este documento?");

            // R-PRE-1 Pre-registro is offered for the Colombian passport; R-PRE-2 variant III, no NUE asked
            browser.waitForVisible(By.cssSelector("[data-testid='service-pre-registro']")).click();
            browser.waitForVisible(By.cssSelector("[data-testid='precheck-no']")).click();
            browser.waitForVisible(By.cssSelector("[data-testid='variant-NO_NUE']")).click();
            startDraft(browser);

            // R-PRE-3 the four steps
            LocalDate entry = LocalDate.now(ZoneId.of("America/Mexico_City")).plusDays(12);
            waitForStep(browser, "Información del Viaje");
            fill(browser, Map.of("entryDate", entry.toString(), "exitDate", entry.plusDays(14).toString(),
                    "arrivalAirport", "CUN", "airline", "AV", "flightNumber", "AV254", "originCountry", "COL",
                    "originCity", "Medellín", "purpose", "TURISMO"));
            next(browser, "Información Adicional");
            fill(browser, Map.of("lodgingType", "HOTEL", "lodgingName", "Hotel Caribe", "street",
                    "Blvd. Kukulcán km 9", "city", "Cancún", "state", "Quintana Roo", "postalCode", "77500", "phone",
                    "+529981234567", "occupation", "Arquitecta"));
            next(browser, "Control Migratorio");
            for (WebElement no : browser.findAll(By.cssSelector("[data-testid^='answer-'][data-testid$='-no']"))) {
                no.click();
            }
            next(browser, "Terminar Registro");

            // R-PRE-4 the three attachments of variant III, each icon turning to "selected"
            List<WebElement> slots = browser.findAll(By.cssSelector("[data-testid^='slot-'][data-slot]"));
            assertThat(slots).extracting(slot -> slot.getAttribute("data-slot"))
                    .containsExactly("EXIT_TICKET", "LODGING", "ITINERARY");
            for (String slot : List.of("EXIT_TICKET", "LODGING", "ITINERARY")) {
                browser.find(By.cssSelector("[data-testid='slot-file-" + slot + "']")).sendKeys(ticket.toString());
                browser.waitUntil(driver -> "selected".equals(browser.find(
                        By.cssSelector("[data-slot='" + slot + "'] .slot-state")).getAttribute("data-state")));
            }
            browser.find(By.cssSelector("[data-testid='terms-accepted']")).click();
            browser.find(By.cssSelector("[data-testid='send-information']")).click();

            // R-PRE-12 the success message, from the server's decision
            WebElement approved = browser.waitForVisible(By.cssSelector("[data-testid='decision-approved']"));
            assertThat(approved.getText()).contains("Su Pre-Registro se realizó correctamente");
            browser.screenshot("system-preregistration-approved");

            // R-PRE-11 R-FMM-2 Historial de Registros: approved, with the FMME and the QR receipt to download
            browser.find(By.cssSelector("[data-testid='go-history']")).click();
            WebElement row = browser.waitForVisible(By.cssSelector("[data-testid='history-row']"));
            assertThat(row.getAttribute("data-status")).isEqualTo("APPROVED");
            assertThat(row.findElement(By.cssSelector("[data-testid='history-status']")).getText())
                    .isEqualTo("Correcto");
            assertThat(row.getText()).contains(entry.toString(), "AV254");
            browser.screenshotFullPage("system-history");
            browser.assertAccessible();
            for (String download : List.of("download-fmme", "download-qr")) {
                String href = row.findElement(By.cssSelector("[data-testid='" + download + "']")).getAttribute("href");
                assertThat(awaitPdf(browser, href)).as(download).isEqualTo("200 application/pdf %PDF-");
            }
        }
    }

    /**
     * A Colombian passport of an adult, valid for years but not beyond the ten a passport lasts: the generator's
     * data, drawn until one is.
     */
    private static Map<String, String> colombianPassport() throws Exception {
        PassportGenerator generator = generator();
        int thisYear = LocalDate.now().getYear() % 100;
        while (true) {
            Map<String, String> truth = generator.passport().truth();
            int born = Integer.parseInt(truth.get("birthDate").substring(0, 2));
            int expires = Integer.parseInt(truth.get("expiryDate").substring(0, 2));
            if ("COL".equals(truth.get("issuingState")) && "COL".equals(truth.get("nationality")) && born >= 50
                    && expires >= thisYear + 2 && expires <= thisYear + 9) {
                return truth;
            }
        }
    }

    /** The same passport every run (each run has its own account, so it is never a duplicate). */
    private static PassportGenerator generator() throws Exception {
        return new PassportGenerator(OCR_B, 2026);
    }

    /** The page photographed from above with the desk around it, so the crop box's margin falls on the desk. */
    private static BufferedImage onDesk(BufferedImage page) {
        BufferedImage photo = new BufferedImage(page.getWidth() * 13 / 10, page.getHeight() * 13 / 10,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = photo.createGraphics();
        graphics.setColor(new Color(96, 72, 52));
        graphics.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        graphics.drawImage(page, (photo.getWidth() - page.getWidth()) / 2, (photo.getHeight() - page.getHeight()) / 2,
                null);
        graphics.dispose();
        return photo;
    }

    /** YYMMDD as the date input shows it, without the century: YY-MM-DD. */
    private static String isoDate(String yymmdd) {
        return yymmdd.substring(0, 2) + "-" + yymmdd.substring(2, 4) + "-" + yymmdd.substring(4);
    }

    private static String value(Browser browser, String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }

    private static void dialogOk(Browser browser, String text) {
        browser.waitUntil(driver -> browser.findAll(By.cssSelector("[data-testid='dialog']")).stream()
                .anyMatch(dialog -> dialog.isDisplayed() && dialog.getText().contains(text)));
        browser.find(By.cssSelector("[data-testid='dialog-ok']")).click();
    }

    /**
     * CONTINUAR opens the draft; the new document reaches preregistration-service through Kafka a moment after it is
     * registered, and until then the page says so and the traveller tries again, as a person would.
     */
    private static void startDraft(Browser browser) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            browser.find(By.cssSelector("[data-testid='variant-continue']")).click();
            try {
                browser.waitUntil(driver -> browser.<String>script("return location.hash;")
                        .startsWith("#/preregistro/registro/"));
                return;
            } catch (TimeoutException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(1000);
            }
        }
    }

    private static void waitForStep(Browser browser, String title) {
        browser.waitUntil(driver -> browser.find(By.id("asistente-titulo")).getText().equals(title));
    }

    private static void next(Browser browser, String nextStep) {
        browser.find(By.cssSelector("[data-testid='wizard-next']")).click();
        waitForStep(browser, nextStep);
    }

    /** Types, picks or sets each field of the wizard's form, as its kind asks. */
    private static void fill(Browser browser, Map<String, String> values) {
        values.forEach((name, text) -> {
            WebElement input = browser.find(By.cssSelector("#asistente-form [name='" + name + "']"));
            if (input.getTagName().equals("select")) {
                Select select = new Select(input);
                if (select.getOptions().stream().anyMatch(option -> text.equals(option.getAttribute("value")))) {
                    select.selectByValue(text);
                } else {
                    select.selectByVisibleText(text);
                }
            } else if ("date".equals(input.getAttribute("type"))) {
                browser.script("const i = arguments[0]; i.value = arguments[1];"
                        + " i.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " i.dispatchEvent(new Event('change', {bubbles: true}));", input, text);
            } else {
                input.clear();
                input.sendKeys(text);
            }
        });
    }

    /** Status, type and first bytes of a download in the browser's session, once fmme-service has the files. */
    private static String awaitPdf(Browser browser, String href) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String seen;
        do {
            seen = browser.script("return fetch(arguments[0]).then(async r => r.status + ' '"
                    + " + (r.headers.get('Content-Type') || '').split(';')[0] + ' '"
                    + " + new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)));", href);
            if (seen.startsWith("200")) {
                return seen;
            }
            Thread.sleep(1000);
        } while (Instant.now().isBefore(deadline));
        return seen;
    }
}
