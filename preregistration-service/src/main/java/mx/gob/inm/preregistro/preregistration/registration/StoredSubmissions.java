package mx.gob.inm.preregistro.preregistration.registration;

import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.preregistration.documents.SubmittedPreRegistrations;

/** A claim's pre-registration counts as submitted once it is stored as anything but a draft (R-DOC-9). */
@Component
class StoredSubmissions implements SubmittedPreRegistrations {

    private final PreRegistrations preRegistrations;

    StoredSubmissions(PreRegistrations preRegistrations) {
        this.preRegistrations = preRegistrations;
    }

    @Override
    public boolean submitted(String preregistrationId) {
        return preRegistrations.findById(preregistrationId)
                .map(stored -> stored.status() != PreRegistration.Status.DRAFT).orElse(false);
    }
}
