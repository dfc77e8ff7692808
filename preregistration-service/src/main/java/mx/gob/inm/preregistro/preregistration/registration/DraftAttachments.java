package mx.gob.inm.preregistro.preregistration.registration;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;
import mx.gob.inm.preregistro.preregistration.PreRegistrationProperties;
import mx.gob.inm.preregistro.preregistration.attachments.AttachmentInspector;
import mx.gob.inm.preregistro.preregistration.attachments.AttachmentStore;

/**
 * The "Terminar Registro" files of a draft (R-PRE-4): only in the slots its variant requires, only files the
 * {@link AttachmentInspector} accepts, kept in GridFS and readable by their owner only.
 */
@Service
class DraftAttachments {

    private static final int MAX_FILENAME = 100;

    private final PreRegistrationService preRegistrations;
    private final AttachmentInspector inspector;
    private final AttachmentStore files;
    private final PreRegistrationProperties properties;
    private final Clock clock;

    DraftAttachments(PreRegistrationService preRegistrations, AttachmentInspector inspector, AttachmentStore files,
            PreRegistrationProperties properties, Clock clock) {
        this.preRegistrations = preRegistrations;
        this.inspector = inspector;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
    }

    /** Keeps a checked file in a slot; the file it replaces is deleted, and so is this one if the draft changed. */
    PreRegistration attach(String id, String accountId, String slot, String filename, byte[] content) {
        PreRegistration draft = preRegistrations.owned(id, accountId);
        if (!properties.form().slotsOf(draft.variant()).contains(slot)) {
            throw ValidationFailedException.of("slot", "slot_not_for_variant");
        }
        if (draft.status() != PreRegistration.Status.DRAFT) {
            throw new ProblemException(HttpStatus.CONFLICT, "not_draft");
        }
        AttachmentInspector.FileType type = inspector.inspect(filename, content);
        String name = displayName(filename, slot);
        String fileId = files.store(accountId, id, slot, name, type.contentType(), content);
        StoredAttachment replaced = draft.attach(slot,
                new StoredAttachment(fileId, name, type.contentType(), content.length, clock.instant()));
        PreRegistration saved;
        try {
            saved = preRegistrations.save(draft, PreRegistration.Status.DRAFT, List.of());
        } catch (RuntimeException e) {
            files.delete(fileId);
            throw e;
        }
        if (replaced != null) {
            files.delete(replaced.fileId());
        }
        return saved;
    }

    /** The bytes of an attachment of the caller's pre-registration; empty for anyone else. */
    Optional<Attachment> attachment(String id, String accountId, String slot) {
        return Optional.ofNullable(preRegistrations.owned(id, accountId).attachments().get(slot))
                .flatMap(stored -> files.read(stored.fileId(), accountId)
                        .map(bytes -> new Attachment(stored.filename(), stored.contentType(), bytes)));
    }

    /** A stored attachment's bytes. */
    record Attachment(String filename, String contentType, byte[] content) {
    }

    /** The file's own name without any path, shortened; the slot when it has none. */
    private static String displayName(String filename, String slot) {
        if (filename == null || filename.isBlank()) {
            return slot;
        }
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            return slot;
        }
        return name.length() <= MAX_FILENAME ? name : name.substring(name.length() - MAX_FILENAME);
    }
}
