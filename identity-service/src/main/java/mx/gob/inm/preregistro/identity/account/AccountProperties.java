package mx.gob.inm.preregistro.identity.account;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account rules from the manual.
 *
 * @param activationValidity how long an activation link works (R-ACC-6, 72 hours)
 * @param minimumAge         age in years on the day of creation (R-ACC-2, 18)
 * @param zone               whose calendar decides "the day of creation" (Mexico City)
 * @param publicBaseUrl      the address people open, for the links in e-mails ({@code PUBLIC_BASE_URL})
 * @param passwordResetValidity how long a password recovery link works (R-ACC-7, 60 minutes)
 * @param requestedMailsPerDay  e-mails that anyone knowing an address can cause to it (activation and reset links,
 *                              a registration attempted again) in 24 hours; past them nothing is sent, and the
 *                              answer stays the same
 */
@ConfigurationProperties("preregistro.accounts")
public record AccountProperties(
        @DefaultValue("72h") Duration activationValidity,
        @DefaultValue("18") int minimumAge,
        @DefaultValue("America/Mexico_City") ZoneId zone,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("60m") Duration passwordResetValidity,
        @DefaultValue("10") int requestedMailsPerDay) {

    /** The link of the activation e-mail (the UI's route {@code #/cuenta/activar}). */
    public String activationLink(String token) {
        return base() + "/#/cuenta/activar?token=" + token;
    }

    /** The link of the password recovery e-mail (the UI's route {@code #/cuenta/restablecer}). */
    public String passwordResetLink(String token) {
        return base() + "/#/cuenta/restablecer?token=" + token;
    }

    private String base() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
