package mx.gob.inm.preregistro.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** {@link BearerTokens} answers every header as Spring Security's own resolver does, by default. */
class BearerTokensTest {

    private final BearerTokenResolver ours = new BearerTokens();
    private final BearerTokenResolver springs = new DefaultBearerTokenResolver();

    @Test
    @DisplayName("the token of a well-formed header, in any case of the scheme; none without a bearer header")
    void reads() {
        assertThat(ours.resolve(request("Bearer eyJhbGciOi.J9eyJzdWIi.OiIx-_~+/=="))).isEqualTo("eyJhbGciOi.J9eyJzdWIi.OiIx-_~+/==");
        assertThat(ours.resolve(request("bEARER abc"))).isEqualTo("abc");
        assertThat(ours.resolve(request(null))).isNull();
        assertThat(ours.resolve(request("Basic YWxhZGRpbjpvcGVuc2VzYW1l"))).isNull();
    }

    @Test
    @DisplayName("a malformed bearer header is refused as invalid_token, as Spring Security refuses it")
    void refuses() {
        for (String malformed : List.of("Bearer", "Bearer ", "Bearer  abc", "Bearer abc ", "Bearer abc\n", "Bearer a=b",
                "Bearer ===", "Bearer ábc", "Bearerabc", "bearer\tabc", "Bearer abc\u0000")) {
            assertThatThrownBy(() -> ours.resolve(request(malformed)))
                    .as(malformed).isInstanceOf(OAuth2AuthenticationException.class)
                    .extracting(e -> ((OAuth2AuthenticationException) e).getError().getErrorCode())
                    .isEqualTo("invalid_token");
        }
    }

    @Test
    @DisplayName("on 20 000 generated headers (scheme in every case, token and other characters) both resolvers agree")
    void agreesWithSpringSecurity() {
        Random random = new Random(42);
        String[] schemes = {"Bearer ", "bearer ", "BEARER ", "BeArEr ", "Bearer", "Bearer  ", "Bearerx ", "Basic ", ""};
        String characters = "abcXYZ0129-._~+/=  \t\nñé€\u0000\u007f;,\"'";
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(schemes[random.nextInt(schemes.length)]);
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                header.append(characters.charAt(random.nextInt(random.nextBoolean() ? 13 : characters.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(ours, header)).as(header).isEqualTo(outcome(springs, header));
        }
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        try {
            return "token " + resolver.resolve(request(header));
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + " " + refused.getError().getDescription();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/anything");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
