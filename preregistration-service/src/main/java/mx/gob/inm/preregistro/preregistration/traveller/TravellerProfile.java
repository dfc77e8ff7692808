package mx.gob.inm.preregistro.preregistration.traveller;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import mx.gob.inm.preregistro.contracts.Language;

/**
 * One traveller (account) as this service needs them: where the FMME e-mails go and in which language, learnt
 * from {@code identity.accounts.v1}, and the NUE / SRE folio captured on the first pre-registration and reused
 * afterwards (R-PRE-2).
 */
@Document(TravellerProfile.COLLECTION)
public record TravellerProfile(
        @Id String id,
        String email,
        Language language,
        String nue,
        String sreFolio) {

    public static final String COLLECTION = "travellers";

    public static TravellerProfile unknown(String accountId) {
        return new TravellerProfile(accountId, null, null, null, null);
    }
}
