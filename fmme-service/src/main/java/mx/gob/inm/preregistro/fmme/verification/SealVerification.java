package mx.gob.inm.preregistro.fmme.verification;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.fmme.form.Fmme;
import mx.gob.inm.preregistro.fmme.form.Fmmes;
import mx.gob.inm.preregistro.fmme.seal.SealCodec;
import mx.gob.inm.preregistro.fmme.seal.SealContent;
import mx.gob.inm.preregistro.fmme.seal.SealKeyring;

/**
 * Online verification of a seal (R-FMM-5): the offline check (signature by a published key) plus what only this
 * service knows: that the folio is one it issued with exactly this seal, and whether it was revoked (R-FMM-4).
 */
@Service
public class SealVerification {

    private final SealKeyring keys;
    private final Fmmes fmmes;
    private final Clock clock;

    public SealVerification(SealKeyring keys, Fmmes fmmes, Clock clock) {
        this.keys = keys;
        this.fmmes = fmmes;
        this.clock = clock;
    }

    public SealStatus verify(String seal) {
        Optional<SealCodec.Decoded> genuine = keys.verifier().verify(seal);
        if (genuine.isEmpty()) {
            return SealStatus.invalid();
        }
        SealContent content = genuine.get().content();
        Optional<Fmme> form = fmmes.findByFolio(content.folio()).filter(issued -> seal.equals(issued.seal()));
        if (form.isEmpty()) {
            return SealStatus.invalid();
        }
        SealStatus.Status status;
        if (form.get().status() == Fmme.Status.REVOKED) {
            status = SealStatus.Status.REVOKED;
        } else if (clock.instant().isAfter(content.validUntil())) {
            status = SealStatus.Status.EXPIRED;
        } else {
            status = SealStatus.Status.VALID;
        }
        return new SealStatus(status, content.folio(), content.surname(), content.givenNames(),
                content.documentNumber(), content.nationality(), content.entryDate(), content.flight(),
                content.issuedAt(), content.validUntil(), genuine.get().keyId(), form.get().revokedAt());
    }
}
