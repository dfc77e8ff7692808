/**
 * Events of topic {@code fmme.v1}, produced by fmme-service. Keyed by pre-registration id.
 * notification-service e-mails issued forms; preregistration-service shows their state in the history.
 */
package mx.gob.inm.preregistro.contracts.fmme;
