/**
 * Events of topic {@code identity.accounts.v1}, produced by identity-service. Keyed by account id.
 * The main consumer is notification-service, which sends the e-mail each event calls for.
 */
package mx.gob.inm.preregistro.contracts.identity;
