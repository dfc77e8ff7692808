package mx.gob.inm.preregistro.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The service's token decoder, remembering the tokens it has verified until they expire. A traveller's access token
 * comes with every request the gateway relays (nine for one pre-registration), and checking its RSA signature each
 * time was a fifth of preregistration-service's processor time under the benchmark. A token is remembered by its
 * exact text, signature included, so only the very token that was verified is accepted without the check, and only
 * while its {@code exp} (and {@code nbf}) say it is valid; otherwise the decoder checks it as before and refuses it
 * as before. At most {@code capacity} tokens are remembered: past that the memory starts again empty.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int DEFAULT_CAPACITY = 1000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder decoder, Clock clock, int capacity) {
        this.decoder = decoder;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (validNow(known)) {
                return known;
            }
            verified.remove(token);
        }
        Jwt checked = decoder.decode(token);
        if (checked.getExpiresAt() != null) {
            if (verified.size() >= capacity) {
                verified.clear();
            }
            verified.put(token, checked);
        }
        return checked;
    }

    private boolean validNow(Jwt jwt) {
        Instant now = clock.instant();
        return now.isBefore(jwt.getExpiresAt()) && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }
}
