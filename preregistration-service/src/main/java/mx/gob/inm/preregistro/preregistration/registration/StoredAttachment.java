package mx.gob.inm.preregistro.preregistration.registration;

import java.time.Instant;

/** A file in one attachment slot; its bytes are in GridFS under {@code fileId}. */
public record StoredAttachment(String fileId, String filename, String contentType, long size, Instant uploadedAt) {
}
