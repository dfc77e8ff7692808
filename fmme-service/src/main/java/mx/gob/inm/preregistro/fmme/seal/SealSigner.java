package mx.gob.inm.preregistro.fmme.seal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/** Signs seal contents with the current key (ECDSA P-256, SHA-256, signature as r||s). Thread-safe. */
public class SealSigner {

    private final String keyId;
    private final PrivateKey key;

    public SealSigner(String keyId, PrivateKey key) {
        this.keyId = keyId;
        this.key = key;
    }

    /** The seal text to put in the QR. */
    public String seal(SealContent content) {
        byte[] signedPart = SealCodec.signedPart(keyId, content);
        try {
            Signature signer = Signature.getInstance(SealVerifier.ALGORITHM);
            signer.initSign(key);
            signer.update(signedPart);
            return SealCodec.encode(signedPart, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the seal with key " + keyId, e);
        }
    }

    public String keyId() {
        return keyId;
    }
}
