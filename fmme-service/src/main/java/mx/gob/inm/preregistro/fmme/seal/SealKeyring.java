package mx.gob.inm.preregistro.fmme.seal;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.fmme.FmmeProperties;

/**
 * The seal keys of this service: the one that signs new seals and every public key whose seals still verify
 * (rotation: an operator sets a new {@code FMME_SIGNING_KEY}/{@code FMME_KEY_ID} and lists the old public key under
 * {@code preregistro.fmme.seal.previous-keys}). Without a configured key, outside the {@code prod} profile, a
 * development key is generated at the first start and kept in the {@value #COLLECTION} collection, so seals keep
 * verifying across restarts; {@code prod} refuses to start without a configured key.
 */
@Component
public class SealKeyring {

    static final String COLLECTION = "seal_keys";
    private static final String GENERATED = "generated-development-key";
    private static final Logger log = LoggerFactory.getLogger(SealKeyring.class);

    private final SealSigner signer;
    private final Map<String, ECPublicKey> publicKeys = new LinkedHashMap<>();
    private final SealVerifier verifier;

    public SealKeyring(FmmeProperties properties, MongoTemplate mongo, Environment environment, Clock clock) {
        FmmeProperties.Seal seal = properties.seal();
        if (seal.signingKey() != null && !seal.signingKey().isBlank()) {
            if (seal.keyId() == null || seal.keyId().isBlank()) {
                throw new IllegalStateException("FMME_KEY_ID is required with FMME_SIGNING_KEY");
            }
            KeyPair configured = EcKeys.privateKey(seal.signingKey());
            signer = new SealSigner(seal.keyId(), configured.getPrivate());
            publicKeys.put(seal.keyId(), (ECPublicKey) configured.getPublic());
        } else if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("profile prod needs the seal key: set FMME_SIGNING_KEY and FMME_KEY_ID");
        } else {
            Map.Entry<String, KeyPair> development = generatedKey(mongo)
                    .orElseGet(() -> generateKey(mongo, clock));
            signer = new SealSigner(development.getKey(), development.getValue().getPrivate());
            publicKeys.put(development.getKey(), (ECPublicKey) development.getValue().getPublic());
            log.warn("Seals are signed with the development key '{}' kept in the database; set FMME_SIGNING_KEY "
                    + "and FMME_KEY_ID for real use", development.getKey());
        }
        seal.previousKeys().forEach((keyId, key) -> publicKeys.putIfAbsent(keyId, EcKeys.publicKey(key)));
        generatedKey(mongo).ifPresent(dev -> publicKeys.putIfAbsent(dev.getKey(), (ECPublicKey) dev.getValue()
                .getPublic()));
        verifier = new SealVerifier(publicKeys);
    }

    public SealSigner signer() {
        return signer;
    }

    public SealVerifier verifier() {
        return verifier;
    }

    /** The public keys as a JSON Web Key Set (RFC 7517): what {@code GET /api/fmme/keys} publishes. */
    public Map<String, Object> jwks() {
        List<JWK> keys = publicKeys.entrySet().stream()
                .map(entry -> (JWK) new ECKey.Builder(Curve.P_256, entry.getValue())
                        .keyID(entry.getKey())
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.ES256)
                        .build())
                .toList();
        return new JWKSet(keys).toJSONObject(true);
    }

    private static Optional<Map.Entry<String, KeyPair>> generatedKey(MongoTemplate mongo) {
        Document stored = mongo.findById(GENERATED, Document.class, COLLECTION);
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(stored.getString("keyId"),
                EcKeys.privateKey(stored.getString("privateKey"))));
    }

    /** Generates the development key; when another instance stored one first, that one is used. */
    private static Map.Entry<String, KeyPair> generateKey(MongoTemplate mongo, Clock clock) {
        KeyPair pair = EcKeys.generate();
        String keyId = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            mongo.insert(new Document("_id", GENERATED).append("keyId", keyId)
                    .append("privateKey", EcKeys.base64(pair.getPrivate()))
                    .append("publicKey", EcKeys.base64(pair.getPublic()))
                    .append("createdAt", Date.from(clock.instant())), COLLECTION);
            return Map.entry(keyId, pair);
        } catch (DuplicateKeyException storedByAnotherInstance) {
            return generatedKey(mongo).orElseThrow();
        }
    }
}
