package mx.gob.inm.preregistro.fmme.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.fmme.Approvals;
import mx.gob.inm.preregistro.fmme.FmmeServiceTest;
import mx.gob.inm.preregistro.fmme.pdf.PdfReading;
import mx.gob.inm.preregistro.fmme.seal.Base45;
import mx.gob.inm.preregistro.fmme.seal.SealCodec;
import mx.gob.inm.preregistro.fmme.seal.SealVerifier;
import mx.gob.inm.preregistro.testing.KeycloakServer.TestTraveller;

class SealVerificationTest extends FmmeServiceTest {

    @Test
    @DisplayName("R-FMM-5 the seal read from the QR receipt verifies offline with the key published at /api/fmme/keys and online as VALID; one changed byte is INVALID both ways")
    void offlineAndOnline() throws Exception {
        TestTraveller owner = traveller();
        LocalDate entry = LocalDate.now().plusDays(30);
        PreRegistrationApproved approval = Approvals.approval(owner.id(), entry, entry.plusDays(7));
        JsonNode issued = approveAndAwaitIssued(approval);
        String folio = issued.get("folio").asString();
        HttpResponse<byte[]> receipt = get("/api/fmme/" + approval.preregistrationId() + "/qr.pdf", owner.bearer());
        String seal = PdfReading.qrAt150Dpi(receipt.body());

        SealVerifier offline = new SealVerifier(publishedKeys());
        SealCodec.Decoded verified = offline.verify(seal).orElseThrow();
        assertThat(verified.content().folio()).isEqualTo(folio);
        assertThat(verified.content().documentNumber()).isEqualTo("AX482915");
        assertThat(verified.content().entryDate()).isEqualTo(entry);
        assertThat(verified.content().flight()).isEqualTo("AV36");

        JsonNode online = verify(seal);
        assertThat(online.get("status").asString()).isEqualTo("VALID");
        assertThat(online.get("folio").asString()).isEqualTo(folio);
        assertThat(online.get("surname").asString()).isEqualTo("RODRÍGUEZ GÓMEZ");
        assertThat(online.get("nationality").asString()).isEqualTo("COL");

        byte[] bytes = Base45.decode(seal.substring(SealCodec.PREFIX.length()));
        bytes[20] ^= 0x01;
        String altered = SealCodec.PREFIX + Base45.encode(bytes);
        assertThat(offline.verify(altered)).isEmpty();
        JsonNode invalid = verify(altered);
        assertThat(invalid.get("status").asString()).isEqualTo("INVALID");
        assertThat(invalid.has("folio")).isFalse();
    }

    @Test
    @DisplayName("R-FMM-5 a genuine seal whose validity ended verifies as EXPIRED")
    void expired() throws Exception {
        TestTraveller owner = traveller();
        LocalDate entry = LocalDate.now().minusDays(20);
        PreRegistrationApproved approval = Approvals.approval(owner.id(), entry, entry.plusDays(5));
        String folio = approveAndAwaitIssued(approval).get("folio").asString();

        assertThat(verify(sealOf(folio)).get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    @DisplayName("R-FMM-5 verification without a seal is a 400 problem naming the field; garbage is INVALID")
    void missingSeal() throws Exception {
        HttpResponse<byte[]> response = get("/api/fmme/verify", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"field\":\"seal\"");
        assertThat(verify("no es un sello").get("status").asString()).isEqualTo("INVALID");
    }

    @Test
    @DisplayName("R-FMM-5 a seal whose escapes are not UTF-8 (%C3%28, %FF, a lone surrogate) is a 400 problem naming seal or INVALID, never a 500")
    void sealNotUtf8() throws Exception {
        for (String escaped : new String[] {"%C3%28", "%FF", "HC1%3A%FF%FE", "%ED%A0%80", "%C3", "NCF%C3%28ABC"}) {
            HttpResponse<byte[]> response = get("/api/fmme/verify?seal=" + escaped, null);
            String body = new String(response.body(), StandardCharsets.UTF_8);

            assertThat(response.statusCode()).as(escaped + " answered " + body).isIn(200, 400);
            if (response.statusCode() == 400) {
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(escaped)
                        .startsWith("application/problem+json");
                assertThat(body).as(escaped).contains("\"field\":\"seal\"");
            } else {
                assertThat(json.readTree(body).get("status").asString()).as(escaped).isEqualTo("INVALID");
            }
        }
    }

    @Test
    @DisplayName("R-FMM-5 the keys endpoint is a public JWKS of P-256 keys with key ids and no private part")
    void jwks() throws Exception {
        JsonNode keys = getJson("/api/fmme/keys").get("keys");
        assertThat(keys.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode key : keys) {
            assertThat(key.get("kty").asString()).isEqualTo("EC");
            assertThat(key.get("crv").asString()).isEqualTo("P-256");
            assertThat(key.get("kid").asString()).isNotBlank();
            assertThat(key.has("d")).isFalse();
        }
    }

    private String sealOf(String folio) {
        return mongo.findById(folio, Document.class, "fmmes").getString("seal");
    }

    private Map<String, ECPublicKey> publishedKeys() throws Exception {
        String body = new String(get("/api/fmme/keys", null).body(), StandardCharsets.UTF_8);
        Map<String, ECPublicKey> keys = new HashMap<>();
        for (JWK key : JWKSet.parse(body).getKeys()) {
            keys.put(key.getKeyID(), ((ECKey) key).toECPublicKey());
        }
        return keys;
    }
}
