package mx.gob.inm.preregistro.preregistration.registration;

import java.time.LocalDate;

import mx.gob.inm.preregistro.contracts.Sex;
import mx.gob.inm.preregistro.contracts.partners.BoardingDecisionPublished;
import mx.gob.inm.preregistro.contracts.preregistration.Traveller;
import mx.gob.inm.preregistro.preregistration.documents.TravellerDocument;

/**
 * The passport data a decided pre-registration keeps as it was when submitted, so its FMME, its partner
 * decisions and a later cancellation do not depend on the document still being there.
 */
public record Holder(
        String documentType,
        String documentNumber,
        String issuingState,
        String nationality,
        String surname,
        String givenNames,
        LocalDate birthDate,
        Sex sex) {

    static Holder of(TravellerDocument document) {
        return new Holder(document.documentType(), document.documentNumber(), document.issuingState(),
                document.nationality(), document.surname(), document.givenNames(), document.birthDate(),
                document.sex());
    }

    Traveller traveller(String occupation) {
        return new Traveller(surname, givenNames, documentType, documentNumber, issuingState, nationality, birthDate,
                sex, occupation);
    }

    String documentHash() {
        return BoardingDecisionPublished.documentHash(nationality, documentNumber);
    }
}
