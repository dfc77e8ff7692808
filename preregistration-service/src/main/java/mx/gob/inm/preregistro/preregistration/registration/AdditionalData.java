package mx.gob.inm.preregistro.preregistration.registration;

import mx.gob.inm.preregistro.contracts.preregistration.Lodging;

/** Step "Información Adicional" as saved in the draft: lodging in Mexico, a phone and the occupation. */
public record AdditionalData(
        String lodgingType,
        String lodgingName,
        String street,
        String city,
        String state,
        String postalCode,
        String phone,
        String occupation) {

    Lodging lodging() {
        return new Lodging(lodgingType, lodgingName, street, city, state, postalCode, phone);
    }
}
