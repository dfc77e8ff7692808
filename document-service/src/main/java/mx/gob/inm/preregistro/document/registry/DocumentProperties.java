package mx.gob.inm.preregistro.document.registry;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Document rules from the manual.
 *
 * @param minimumValidity how long a passport must still be valid when it is registered (R-DOC-5, 6 months)
 * @param maximumValidity how far ahead a passport's expiry may lie: no passport is issued for longer (10 years); a
 *                        later date is a typing mistake, or the wrong century read from the zone's two digits
 * @param perAccount      documents an account may have registered at once (each keeps its passport's photo); deleting
 *                        one frees its place
 * @param zone            whose calendar decides "today" (Mexico City)
 * @param expiryCron      when the daily job marks documents whose expiry date passed (R-DOC-10)
 * @param expiryLease     how long the instance that starts the daily job keeps the right to it: longer than a run
 *                        and than the instances' triggers are apart, much shorter than a day
 */
@ConfigurationProperties("preregistro.documents")
public record DocumentProperties(
        @DefaultValue("P6M") Period minimumValidity,
        @DefaultValue("P10Y") Period maximumValidity,
        @DefaultValue("10") int perAccount,
        @DefaultValue("America/Mexico_City") ZoneId zone,
        @DefaultValue("0 5 0 * * *") String expiryCron,
        @DefaultValue("1h") Duration expiryLease) {
}
