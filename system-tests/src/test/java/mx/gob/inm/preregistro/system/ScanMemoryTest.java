package mx.gob.inm.preregistro.system;

import static mx.gob.inm.preregistro.system.TravellerSession.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passport photos sent at once, through the gateway of the running stack, against document-service's memory: each
 * photo is decoded and read by the OCR at full size, about 14 bytes a pixel. Before the photos took turns
 * ({@code PixelBudget}), eight 12-megapixel photos at once, or one of 30, ran the service out of memory: 500s.
 */
@ExtendWith(RunningStack.class)
class ScanMemoryTest {

    private static final String PASSWORD = "Fotos#2026";
    private final LocalStack stack = RunningStack.stack();

    @Test
    @DisplayName("R-DOC-2 R-DOC-4 eight 12-megapixel photos and one of 40 (with alpha) sent at once are read in turn: each a 201, or a 503 problem with Retry-After, never a 500; document-service stays UP")
    void photosAtOnce() throws Exception {
        TravellerSession traveller = TravellerSession.registered(stack, "Fotos", PASSWORD);
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            photos.add(HostilePayloads.plainPng(4032, 3024, false));
        }
        photos.add(HostilePayloads.plainPng(6320, 6320, true));

        ExecutorService senders = Executors.newFixedThreadPool(photos.size());
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (byte[] photo : photos) {
            sent.add(senders.submit(() -> traveller.upload("POST", "/api/documents/scans", "image", "pasaporte.png",
                    "image/png", photo)));
        }
        int read = 0;
        for (Future<HttpResponse<String>> answer : sent) {
            HttpResponse<String> response = answer.get();
            String shown = response.statusCode() + " " + response.body();
            assertThat(response.statusCode()).as(shown).isIn(201, 503);
            if (response.statusCode() == 503) {
                assertThat(read(response).get("code").asString()).as(shown).isEqualTo("scans_busy");
                assertThat(response.headers().firstValue("Retry-After")).as(shown).isPresent();
            } else {
                read++;
            }
        }
        senders.shutdown();
        assertThat(read).as("photos read").isPositive();

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.url("DOCUMENT_PORT") + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
