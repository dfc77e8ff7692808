package mx.gob.inm.preregistro.preregistration.registration;

import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.preregistration.attachments.AttachmentStore;

/** Erases a draft with its files; a pre-registration no longer a draft (decided meanwhile) is left as it is. */
@Component
class DraftErasure {

    private final PreRegistrations preRegistrations;
    private final AttachmentStore files;

    DraftErasure(PreRegistrations preRegistrations, AttachmentStore files) {
        this.preRegistrations = preRegistrations;
        this.files = files;
    }

    void erase(PreRegistration draft) {
        if (draft.status() == PreRegistration.Status.DRAFT && preRegistrations.deleteDraft(draft.id())) {
            draft.attachments().values().forEach(attachment -> files.delete(attachment.fileId()));
        }
    }
}
