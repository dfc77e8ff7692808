package mx.gob.inm.preregistro.fmme.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SealTest {

    private final KeyPair key = EcKeys.generate();
    private final SealContent content = new SealContent("FMME-2026-7KQ4X9ZD", "RODRÍGUEZ GÓMEZ", "MARÍA FERNANDA",
            "AX482915", "COL", LocalDate.of(2026, 1, 15), "AV36", Instant.parse("2025-11-24T15:30:12Z"),
            Instant.parse("2026-01-30T05:59:59Z"));

    @Test
    @DisplayName("R-FMM-5 a seal reads back with everything it vouches for and verifies with its key id's public key")
    void roundTrip() {
        String seal = new SealSigner("k1", key.getPrivate()).seal(content);

        assertThat(seal).startsWith("FMME1:").matches("[0-9A-Z $%*+\\-./:]+");
        assertThat(seal.length()).as("small enough for a QR read from a phone").isLessThan(260);
        SealCodec.Decoded verified = new SealVerifier(Map.of("k1", key.getPublic())).verify(seal).orElseThrow();
        assertThat(verified.keyId()).isEqualTo("k1");
        assertThat(verified.content()).isEqualTo(content);
    }

    @Test
    @DisplayName("R-FMM-5 one changed byte, another key, an unknown key id or garbage does not verify")
    void tampering() {
        String seal = new SealSigner("k1", key.getPrivate()).seal(content);
        byte[] bytes = Base45.decode(seal.substring(SealCodec.PREFIX.length()));
        for (int i = 0; i < bytes.length; i += 7) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            assertThat(new SealVerifier(Map.of("k1", key.getPublic()))
                    .verify(SealCodec.PREFIX + Base45.encode(changed))).as("byte %d changed", i).isEmpty();
        }
        assertThat(new SealVerifier(Map.of("k1", EcKeys.generate().getPublic())).verify(seal)).isEmpty();
        assertThat(new SealVerifier(Map.of("k2", key.getPublic())).verify(seal)).isEmpty();
        assertThat(new SealVerifier(Map.of("k1", key.getPublic())).verify("FMME1:!!")).isEmpty();
        assertThat(new SealVerifier(Map.of("k1", key.getPublic())).verify("hola")).isEmpty();
    }

    @Test
    @DisplayName("R-FMM-5 Base45 follows RFC 9285's examples")
    void base45() {
        assertThat(Base45.encode("AB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("BB8");
        assertThat(Base45.encode("Hello!!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("%69 VD92EX0");
        assertThat(Base45.encode("base-45".getBytes(StandardCharsets.US_ASCII))).isEqualTo("UJCLQE7W581");
        assertThat(new String(Base45.decode("QED8WEX0"), StandardCharsets.US_ASCII)).isEqualTo("ietf!");
        assertThatThrownBy(() -> Base45.decode("GGW")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R-FMM-5 a configured PKCS#8 key (PEM or Base64) gives the same public key as its pair")
    void configuredKey() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        assertThat(EcKeys.privateKey(pem).getPublic()).isEqualTo(key.getPublic());
        assertThat(EcKeys.privateKey(EcKeys.base64(key.getPrivate())).getPublic()).isEqualTo(key.getPublic());
        assertThat(EcKeys.publicKey(EcKeys.base64(key.getPublic()))).isEqualTo(key.getPublic());
        assertThatThrownBy(() -> EcKeys.privateKey("bm8ga2V5")).isInstanceOf(IllegalArgumentException.class);
    }
}
