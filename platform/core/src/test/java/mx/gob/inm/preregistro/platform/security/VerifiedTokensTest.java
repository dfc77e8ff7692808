package mx.gob.inm.preregistro.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import mx.gob.inm.preregistro.testing.MutableClock;

/** Tokens signed with an RSA key of the test's own, checked by Spring's Nimbus decoder on the test's clock. */
class VerifiedTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));
    private final KeyPair keys = rsaKeys();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final VerifiedTokens tokens = new VerifiedTokens(checkedBy(keys), clock, 2);

    @Test
    @DisplayName("a token verified once is accepted again without checking its signature, while it is valid")
    void remembered() throws Exception {
        String token = signed("ana", Duration.ofMinutes(5));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("ana");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("ana");
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    @DisplayName("an expired token is refused, though it was accepted while valid")
    void expired() throws Exception {
        String token = signed("ana", Duration.ofMinutes(5));
        tokens.decode(token);

        clock.advance(Duration.ofMinutes(6));
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    @DisplayName("a token changed after signing, or signed with another key, is refused even when the genuine one is remembered")
    void forged() throws Exception {
        String genuine = signed("ana", Duration.ofMinutes(5));
        tokens.decode(genuine);
        String[] parts = genuine.split("\\.");
        String otherSignature = signed(rsaKeys(), "ana", Duration.ofMinutes(5)).split("\\.")[2];

        assertThatThrownBy(() -> tokens.decode(parts[0] + "." + parts[1] + "." + otherSignature))
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(parts[0] + "." + parts[1] + "x." + parts[2]))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    @DisplayName("past its capacity the memory starts again: every token is still accepted, checked again")
    void capacity() throws Exception {
        String ana = signed("ana", Duration.ofMinutes(5));
        String eva = signed("eva", Duration.ofMinutes(5));
        String noa = signed("noa", Duration.ofMinutes(5));
        tokens.decode(ana);
        tokens.decode(eva);
        tokens.decode(noa);

        assertThat(tokens.decode(ana).getSubject()).isEqualTo("ana");
        assertThat(signatureChecks).hasValue(4);
    }

    private JwtDecoder checkedBy(KeyPair keys) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        return token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private String signed(String subject, Duration validFor) throws Exception {
        return signed(keys, subject, validFor);
    }

    private String signed(KeyPair with, String subject, Duration validFor) throws Exception {
        Instant now = clock.instant();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validFor))).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) with.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
