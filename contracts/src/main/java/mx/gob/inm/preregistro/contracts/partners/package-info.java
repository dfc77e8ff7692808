/**
 * Events of topic {@code partners.decisions.v1}, produced by preregistration-service for airline and airport
 * systems (R-OPS-1). PII-minimised: no names, no birth date, no account id (the envelope's {@code subject} is
 * {@code null}), the document number only as a hash.
 */
package mx.gob.inm.preregistro.contracts.partners;
