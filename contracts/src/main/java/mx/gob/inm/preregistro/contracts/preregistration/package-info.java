/**
 * Events of topic {@code preregistrations.v1}, produced by preregistration-service. Keyed by pre-registration
 * id. fmme-service issues, re-sends and revokes forms from them; notification-service may tell the traveller.
 */
package mx.gob.inm.preregistro.contracts.preregistration;
