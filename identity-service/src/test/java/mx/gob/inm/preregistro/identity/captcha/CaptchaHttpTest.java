package mx.gob.inm.preregistro.identity.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.identity.KeycloakBackedTest;

class CaptchaHttpTest extends KeycloakBackedTest {

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    @DisplayName("R-ACC-10 GET /api/captcha gives a PNG data URL and, in test mode, the answer header; every call a new one")
    void issue() throws Exception {
        HttpResponse<String> first = get("/api/captcha");
        HttpResponse<String> second = get("/api/captcha");

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = read(first.body());
        assertThat(body.get("image").asString()).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(body.get("image").asString().substring("data:image/png;base64,".length()));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(first.headers().firstValue("X-Captcha-Answer")).get().asString().hasSize(6);
        assertThat(read(second.body()).get("id").asString()).isNotEqualTo(body.get("id").asString());
    }
}
