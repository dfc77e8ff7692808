/**
 * Events of topic {@code notifications.v1}, produced by notification-service: the outcome of each e-mail.
 * Keyed by {@code relatedId} (the pre-registration or account the e-mail was about), so the outcomes about
 * one pre-registration stay in order. preregistration-service shows the red "recover" icon from them.
 */
package mx.gob.inm.preregistro.contracts.notification;
