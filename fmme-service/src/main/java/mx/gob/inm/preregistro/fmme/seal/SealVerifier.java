package mx.gob.inm.preregistro.fmme.seal;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a seal with public keys alone (R-FMM-5): decodes it, finds the key by its key id and verifies the ECDSA
 * P-256 signature. What it cannot know offline (revocation) is the verification endpoint's job.
 */
public class SealVerifier {

    static final String ALGORITHM = "SHA256withECDSAinP1363Format";

    private final Map<String, ? extends PublicKey> keys;

    /** @param keys public keys by key id: the current one and every earlier one still honoured */
    public SealVerifier(Map<String, ? extends PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** The seal's content when it is well formed and signed by one of the keys; empty otherwise. */
    public Optional<SealCodec.Decoded> verify(String seal) {
        SealCodec.Decoded decoded;
        try {
            decoded = SealCodec.decode(seal);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        PublicKey key = keys.get(decoded.keyId());
        if (key == null) {
            return Optional.empty();
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(decoded.signedPart());
            return verifier.verify(decoded.signature()) ? Optional.of(decoded) : Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
