package mx.gob.inm.preregistro.preregistration.documents;

/**
 * Whether a pre-registration was stored as submitted: what a deletion request asks of a claim on its document that
 * has no submission yet (R-DOC-9). The registration package answers.
 */
public interface SubmittedPreRegistrations {

    boolean submitted(String preregistrationId);
}
