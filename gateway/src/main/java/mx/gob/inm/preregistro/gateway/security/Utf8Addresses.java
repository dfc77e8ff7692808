package mx.gob.inm.preregistro.gateway.security;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import mx.gob.inm.preregistro.gateway.problem.GatewayProblem;

/**
 * An address whose percent-escapes are not UTF-8 ({@code %C3%28}, an encoded half surrogate {@code %ED%A0%80}) is
 * refused here with a {@code 400} problem+json: passed on, the services' servers answer it with an HTML error page or
 * fail decoding it.
 */
final class Utf8Addresses implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        if (!isUtf8(path) || (query != null && !isUtf8(query))) {
            return GatewayProblem.REJECTED.write(exchange);
        }
        return chain.filter(exchange);
    }

    /** Whether the bytes the percent-escapes of {@code raw} stand for are well-formed UTF-8. */
    static boolean isUtf8(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** Before Spring Security's firewall and the rate limits. */
    @Override
    public int getOrder() {
        return -200;
    }
}
