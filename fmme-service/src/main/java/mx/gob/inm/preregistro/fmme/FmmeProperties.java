package mx.gob.inm.preregistro.fmme;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the FMME.
 *
 * @param publicBaseUrl the address people open ({@code PUBLIC_BASE_URL}): download links in {@code FmmeIssued} and
 *                      the verification address printed under the QR
 * @param zone          whose calendar the form's dates are in (Mexico City)
 * @param maxStay       validity of a form whose trip has no exit date, counted from the entry date (180 days)
 * @param seal          the signing key of the seal
 */
@Validated
@ConfigurationProperties("preregistro.fmme")
public record FmmeProperties(
        @NotBlank @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @NotNull @DefaultValue("America/Mexico_City") ZoneId zone,
        @NotNull @DefaultValue("180d") Duration maxStay,
        @Valid @DefaultValue Seal seal) {

    /**
     * @param signingKey   the P-256 private key, PEM or Base64 of PKCS#8 ({@code FMME_SIGNING_KEY}); empty outside
     *                     {@code prod} means a development key generated once and kept in the database
     * @param keyId        its key id ({@code FMME_KEY_ID}), required with a signing key
     * @param previousKeys public keys (PEM or Base64 X.509) of earlier key ids whose seals still verify (rotation)
     */
    public record Seal(
            String signingKey,
            String keyId,
            @DefaultValue Map<String, String> previousKeys) {
    }

    /** Where the owner downloads a file of the form ({@code fmme.pdf} or {@code qr.pdf}). */
    public String downloadUrl(UUID preregistrationId, String file) {
        return base() + "/api/fmme/" + preregistrationId + "/" + file;
    }

    /** The public verification page, printed beside the QR. */
    public String verificationUrl() {
        return base() + "/#/fmme/verificar";
    }

    private String base() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
