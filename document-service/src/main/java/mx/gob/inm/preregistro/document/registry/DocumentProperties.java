package mx.gob.inm.preregistro.document.registry;

import java.time.Period;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Document rules from the manual.
 *
 * @param minimumValidity how long a passport must still be valid when it is registered (R-DOC-5, 6 months)
 * @param zone            whose calendar decides "today" (Mexico City)
 * @param expiryCron      when the daily job marks documents whose expiry date passed (R-DOC-10)
 */
@ConfigurationProperties("preregistro.documents")
public record DocumentProperties(
        @DefaultValue("P6M") Period minimumValidity,
        @DefaultValue("America/Mexico_City") ZoneId zone,
        @DefaultValue("0 5 0 * * *") String expiryCron) {
}
