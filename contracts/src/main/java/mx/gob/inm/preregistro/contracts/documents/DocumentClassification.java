package mx.gob.inm.preregistro.contracts.documents;

/** Classification the traveller declares for a passport (R-DOC-7). */
public enum DocumentClassification {
    ORDINARY,
    DIPLOMATIC
}
