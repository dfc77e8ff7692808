package mx.gob.inm.preregistro.fmme.seal;

import java.io.File;
import java.net.URI;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * Checks a seal with the published public keys alone, with no call to this service (R-FMM-5), as an officer's or
 * an airline's own tool would: {@code OfflineVerifier <jwks file or URL> <seal>}. Prints VALID, EXPIRED or INVALID
 * with what the seal vouches for; exits 0 only for VALID. Revocation needs the online endpoint.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: OfflineVerifier <jwks.json file or https URL> <seal>");
            System.exit(2);
        }
        JWKSet published = args[0].startsWith("http://") || args[0].startsWith("https://")
                ? JWKSet.load(URI.create(args[0]).toURL())
                : JWKSet.load(new File(args[0]));
        Map<String, ECPublicKey> keys = new HashMap<>();
        for (JWK key : published.getKeys()) {
            if (key instanceof ECKey) {
                keys.put(key.getKeyID(), ((ECKey) key).toECPublicKey());
            }
        }
        Optional<SealCodec.Decoded> verified = new SealVerifier(keys).verify(args[1]);
        if (verified.isEmpty()) {
            System.out.println("INVALID");
            System.exit(1);
        }
        SealContent content = verified.get().content();
        boolean expired = Instant.now().isAfter(content.validUntil());
        System.out.println(expired ? "EXPIRED" : "VALID");
        System.out.println("key id:          " + verified.get().keyId());
        System.out.println("folio:           " + content.folio());
        System.out.println("name:            " + content.givenNames() + " " + content.surname());
        System.out.println("document number: " + content.documentNumber());
        System.out.println("nationality:     " + content.nationality());
        System.out.println("entry date:      " + content.entryDate());
        System.out.println("flight:          " + content.flight());
        System.out.println("issued at:       " + content.issuedAt());
        System.out.println("valid until:     " + content.validUntil());
        System.exit(expired ? 1 : 0);
    }
}
