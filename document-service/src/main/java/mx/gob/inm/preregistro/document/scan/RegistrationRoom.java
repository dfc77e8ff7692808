package mx.gob.inm.preregistro.document.scan;

/**
 * Whether an account may register one more document. A scan serves only a registration, so an account with as many
 * documents as it may hold is refused before its photo is read, not after the traveller has filled the form.
 */
public interface RegistrationRoom {

    /** Refuses (409 {@code document_limit}) an account that could register no more documents. */
    void requireRoom(String accountId);
}
