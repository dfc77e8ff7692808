package mx.gob.inm.preregistro.preregistration.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Sex;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;

/**
 * A pre-registration as its MongoDB document, written and read field by field. Every call of a traveller reads the
 * draft and most write it back; Spring Data's mapping (reflection, a conversion looked up for every property) took
 * a seventh of the service's processor time under load for the same document, which {@code
 * PreRegistrationDocumentTest} compares with the mapping's. Like the mapping, a {@code null} is left out, enums are
 * their names, instants are dates, and a {@link LocalDate} is the date at the start of that day in the JVM's zone.
 */
final class PreRegistrationDocument {

    private PreRegistrationDocument() {
    }

    /** The whole document of a new pre-registration, with its (empty) outbox. */
    static Document inserted(PreRegistration pre) {
        return state(pre).append("_id", pre.id()).append(OutboxEntry.FIELD, List.of());
    }

    /** The stored fields but {@code _id} and the outbox, which the repository writes apart. */
    static Document state(PreRegistration pre) {
        PreRegistration.State state = pre.state();
        Document document = new Document();
        put(document, "accountId", state.accountId());
        put(document, "documentId", state.documentId());
        put(document, "variant", name(state.variant()));
        put(document, "nue", state.nue());
        put(document, "sreFolio", state.sreFolio());
        put(document, "status", name(state.status()));
        put(document, "travel", travel(state.travel()));
        put(document, "additional", additional(state.additional()));
        put(document, "answers", state.answers() == null ? null : new Document(state.answers()));
        put(document, "attachments", map(state.attachments(), PreRegistrationDocument::attachment));
        put(document, "holder", holder(state.holder()));
        put(document, "email", state.email());
        put(document, "language", name(state.language()));
        put(document, "failedRules", state.failedRules());
        put(document, "retryBlockedUntil", date(state.retryBlockedUntil()));
        put(document, "supersededBy", state.supersededBy());
        put(document, "createdAt", date(state.createdAt()));
        put(document, "decidedAt", date(state.decidedAt()));
        put(document, "recoveryRequestedAt", date(state.recoveryRequestedAt()));
        document.put("rescheduledAt", state.rescheduledAt().stream().map(at -> date(at)).toList());
        document.put("version", state.version());
        return document;
    }

    static PreRegistration read(Document document) {
        return PreRegistration.restore(new PreRegistration.State(
                document.getString("_id"),
                document.getString("accountId"),
                document.getString("documentId"),
                enumOf(PreRegistrationVariant.class, document.getString("variant")),
                document.getString("nue"),
                document.getString("sreFolio"),
                enumOf(PreRegistration.Status.class, document.getString("status")),
                nested(document, "travel", PreRegistrationDocument::travel),
                nested(document, "additional", PreRegistrationDocument::additional),
                answers(document.get("answers", Document.class)),
                attachments(document.get("attachments", Document.class)),
                nested(document, "holder", PreRegistrationDocument::holder),
                document.getString("email"),
                enumOf(Language.class, document.getString("language")),
                document.getList("failedRules", String.class),
                instant(document.getDate("retryBlockedUntil")),
                document.getString("supersededBy"),
                instant(document.getDate("createdAt")),
                instant(document.getDate("decidedAt")),
                instant(document.getDate("recoveryRequestedAt")),
                document.getList("rescheduledAt", Date.class, List.of()).stream()
                        .map(PreRegistrationDocument::instant).toList(),
                document.get("version", Number.class).longValue()));
    }

    // --------------------------------------------------------------------------------------------- the parts

    private static Document travel(TravelData travel) {
        if (travel == null) {
            return null;
        }
        Document document = new Document();
        put(document, "entryDate", date(travel.entryDate()));
        put(document, "exitDate", date(travel.exitDate()));
        put(document, "arrivalAirport", travel.arrivalAirport());
        put(document, "airline", travel.airline());
        put(document, "flightNumber", travel.flightNumber());
        put(document, "originCountry", travel.originCountry());
        put(document, "originCity", travel.originCity());
        put(document, "purpose", travel.purpose());
        return document;
    }

    private static TravelData travel(Document document) {
        return new TravelData(localDate(document.getDate("entryDate")), localDate(document.getDate("exitDate")),
                document.getString("arrivalAirport"), document.getString("airline"),
                document.getString("flightNumber"), document.getString("originCountry"),
                document.getString("originCity"), document.getString("purpose"));
    }

    private static Document additional(AdditionalData additional) {
        if (additional == null) {
            return null;
        }
        Document document = new Document();
        put(document, "lodgingType", additional.lodgingType());
        put(document, "lodgingName", additional.lodgingName());
        put(document, "street", additional.street());
        put(document, "city", additional.city());
        put(document, "state", additional.state());
        put(document, "postalCode", additional.postalCode());
        put(document, "phone", additional.phone());
        put(document, "occupation", additional.occupation());
        return document;
    }

    private static AdditionalData additional(Document document) {
        return new AdditionalData(document.getString("lodgingType"), document.getString("lodgingName"),
                document.getString("street"), document.getString("city"), document.getString("state"),
                document.getString("postalCode"), document.getString("phone"), document.getString("occupation"));
    }

    private static Document attachment(StoredAttachment attachment) {
        Document document = new Document();
        put(document, "fileId", attachment.fileId());
        put(document, "filename", attachment.filename());
        put(document, "contentType", attachment.contentType());
        document.put("size", attachment.size());
        put(document, "uploadedAt", date(attachment.uploadedAt()));
        return document;
    }

    private static StoredAttachment attachment(Document document) {
        return new StoredAttachment(document.getString("fileId"), document.getString("filename"),
                document.getString("contentType"), document.get("size", Number.class).longValue(),
                instant(document.getDate("uploadedAt")));
    }

    private static Document holder(Holder holder) {
        if (holder == null) {
            return null;
        }
        Document document = new Document();
        put(document, "documentType", holder.documentType());
        put(document, "documentNumber", holder.documentNumber());
        put(document, "issuingState", holder.issuingState());
        put(document, "nationality", holder.nationality());
        put(document, "surname", holder.surname());
        put(document, "givenNames", holder.givenNames());
        put(document, "birthDate", date(holder.birthDate()));
        put(document, "sex", name(holder.sex()));
        return document;
    }

    private static Holder holder(Document document) {
        return new Holder(document.getString("documentType"), document.getString("documentNumber"),
                document.getString("issuingState"), document.getString("nationality"), document.getString("surname"),
                document.getString("givenNames"), localDate(document.getDate("birthDate")),
                enumOf(Sex.class, document.getString("sex")));
    }

    private static Map<String, Boolean> answers(Document document) {
        if (document == null) {
            return null;
        }
        Map<String, Boolean> answers = new LinkedHashMap<>();
        document.forEach((question, answer) -> answers.put(question, (Boolean) answer));
        return answers;
    }

    private static Map<String, StoredAttachment> attachments(Document document) {
        Map<String, StoredAttachment> attachments = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((slot, stored) -> attachments.put(slot, attachment((Document) stored)));
        }
        return attachments;
    }

    // --------------------------------------------------------------------------------------------- the values

    private static void put(Document document, String field, Object value) {
        if (value != null) {
            document.put(field, value);
        }
    }

    private static <T> Document map(Map<String, T> values, Function<T, Document> write) {
        if (values == null) {
            return null;
        }
        Document document = new Document();
        values.forEach((key, value) -> document.put(key, write.apply(value)));
        return document;
    }

    private static <T> T nested(Document document, String field, Function<Document, T> read) {
        Document nested = document.get(field, Document.class);
        return nested == null ? null : read.apply(nested);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault());
    }
}
