package mx.gob.inm.preregistro.identity.captcha;

import java.util.Base64;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import mx.gob.inm.preregistro.platform.captcha.CaptchaProperties;
import mx.gob.inm.preregistro.platform.captcha.Captchas;
import mx.gob.inm.preregistro.platform.captcha.IssuedCaptcha;

/** {@code GET /api/captcha}: a new captcha on every call, which is also the refresh (R-ACC-10). */
@RestController
class CaptchaController {

    static final String ANSWER_HEADER = "X-Captcha-Answer";

    private final Captchas captchas;
    private final CaptchaProperties properties;

    CaptchaController(Captchas captchas, CaptchaProperties properties) {
        this.captchas = captchas;
        this.properties = properties;
    }

    @GetMapping("/api/captcha")
    ResponseEntity<Map<String, String>> issue() {
        IssuedCaptcha captcha = captchas.issue();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(CacheControl.noStore());
        if (properties.testMode()) {
            response.header(ANSWER_HEADER, captcha.answer());
        }
        return response.body(Map.of("id", captcha.id(),
                "image", "data:image/png;base64," + Base64.getEncoder().encodeToString(captcha.png())));
    }
}
