package mx.gob.inm.preregistro.preregistration;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;

/**
 * Every value a pre-registration rule uses, with the manual's values as defaults in {@code application.yml}
 * (STYLE.md convention 6): the limits of R-PRE-5, R-PRE-6, R-PRE-9 and R-PRE-4, the NUE and SRE folio formats
 * (R-PRE-2), the decision rules with their operator explanations (R-PRE-8) and the form's catalogues and
 * questions (R-PRE-3). Checked at start-up: a missing catalogue or rule stops the service instead of deciding
 * wrongly.
 *
 * @param zone                  the calendar that decides "today" (entry dates, NOT_AVAILABLE, the 24-hour warning)
 * @param eligibleNationalities ICAO codes whose documents may take a pre-registration (Colombia)
 * @param maxStay               longest stay of variant III, exit date minus entry date (180 days)
 * @param entryHorizon          how far ahead an entry date may be (90 days)
 * @param retryBlock            how long a new pre-registration is refused after a rejection (3 hours)
 * @param recommendedNotice     travel closer than this gets a warning, not a refusal (24 hours)
 * @param recoveryInterval      "Recuperar FMM y QR" once per this per pre-registration (the manual's 5 minutes)
 * @param reschedulesPerDay     reschedules of one pre-registration in 24 hours (each issues the FMME and mails again)
 * @param submissionsPerDay     submissions of one account in 24 hours (each decided one issues the FMME and mails)
 * @param draftsPerDocument     drafts of one document and variant at once; INICIAR past them resumes the newest
 * @param maxAttachmentBytes    largest attachment (2 MB)
 * @param rules                 each decision rule's switch and explanation, by rule id
 */
@ConfigurationProperties("preregistro.preregistration")
public record PreRegistrationProperties(
        ZoneId zone,
        Set<String> eligibleNationalities,
        Pattern nuePattern,
        Pattern sreFolioPattern,
        Duration maxStay,
        Duration entryHorizon,
        Duration retryBlock,
        Duration recommendedNotice,
        Duration recoveryInterval,
        int reschedulesPerDay,
        int submissionsPerDay,
        int draftsPerDocument,
        long maxAttachmentBytes,
        Map<String, Rule> rules,
        Form form) {

    public PreRegistrationProperties {
        require(zone, "zone");
        require(eligibleNationalities, "eligible-nationalities");
        require(nuePattern, "nue-pattern");
        require(sreFolioPattern, "sre-folio-pattern");
        require(maxStay, "max-stay");
        require(entryHorizon, "entry-horizon");
        require(retryBlock, "retry-block");
        require(recommendedNotice, "recommended-notice");
        require(recoveryInterval, "recovery-interval");
        if (reschedulesPerDay <= 0) {
            throw new IllegalArgumentException("preregistro.preregistration.reschedules-per-day must be positive");
        }
        if (submissionsPerDay <= 0) {
            throw new IllegalArgumentException("preregistro.preregistration.submissions-per-day must be positive");
        }
        if (draftsPerDocument <= 0) {
            throw new IllegalArgumentException("preregistro.preregistration.drafts-per-document must be positive");
        }
        require(rules, "rules");
        require(form, "form");
        if (maxAttachmentBytes <= 0) {
            throw new IllegalArgumentException("preregistro.preregistration.max-attachment-bytes must be positive");
        }
    }

    /** A decision rule's configuration: whether it decides, and what operators read about it. */
    public record Rule(boolean enabled, String explanation) {
        public Rule {
            require(explanation, "rules.*.explanation");
        }
    }

    /** What {@code GET /api/preregistrations/form} publishes; the UI is built from it. */
    public record Form(
            List<Airport> airports,
            List<Purpose> purposes,
            List<Choice> lodgingTypes,
            List<String> states,
            List<Question> questions,
            Map<PreRegistrationVariant, List<AttachmentSlot>> attachmentSlots,
            List<Question> preCheck,
            List<Airline> airlines) {

        public Form {
            airlines = airlines == null ? List.of() : List.copyOf(airlines);
            require(airports, "form.airports");
            require(purposes, "form.purposes");
            require(lodgingTypes, "form.lodging-types");
            require(states, "form.states");
            require(questions, "form.questions");
            require(attachmentSlots, "form.attachment-slots");
            require(preCheck, "form.pre-check");
            for (PreRegistrationVariant variant : PreRegistrationVariant.values()) {
                require(attachmentSlots.get(variant), "form.attachment-slots." + variant);
            }
        }

        public boolean hasAirport(String code) {
            return airports.stream().anyMatch(airport -> airport.code().equals(code));
        }

        public Optional<Purpose> purpose(String code) {
            return purposes.stream().filter(purpose -> purpose.code().equals(code)).findFirst();
        }

        public boolean hasLodgingType(String code) {
            return lodgingTypes.stream().anyMatch(type -> type.code().equals(code));
        }

        public List<String> slotsOf(PreRegistrationVariant variant) {
            return attachmentSlots.get(variant).stream().map(AttachmentSlot::slot).toList();
        }
    }

    /** A Mexican international arrival airport by IATA code. */
    /** An airline flying to Mexico, offered by its IATA designator (the field takes any valid designator). */
    public record Airline(String code, String name) {
    }

    public record Airport(String code, String name) {
    }

    /** A purpose of travel; one that needs a visa cannot be pre-registered without a NUE (rule PURPOSE_WITHOUT_VISA). */
    public record Purpose(String code, String es, String en, boolean visaRequired) {
    }

    /** A catalogue entry with its Spanish and English label. */
    public record Choice(String code, String es, String en) {
    }

    /**
     * A yes/no question with its Spanish and English text: in {@code questions} a Control Migratorio question,
     * where "yes" disqualifies; in {@code pre-check} a question asked before starting, where "yes" means the
     * traveller needs no pre-registration (R-PRE-7).
     */
    public record Question(String id, String es, String en) {
    }

    /** An attachment the variant requires (R-PRE-4). */
    public record AttachmentSlot(String slot, String es, String en) {
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("preregistro.preregistration." + name + " is required");
        }
    }
}
