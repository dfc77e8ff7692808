package mx.gob.inm.preregistro.preregistration.registration;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.partners.BoardingDecisionPublished;
import mx.gob.inm.preregistro.contracts.preregistration.FmmeRecoveryRequested;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationAmended;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationCancelled;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationRejected;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationSubmitted;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.quota.Quota;
import mx.gob.inm.preregistro.preregistration.decision.Decision;

/**
 * One pre-registration: a draft filled step by step on the server (so it survives a reload, R-PRE-3), then
 * decided once (R-PRE-8), possibly rescheduled (R-PRE-11), superseded (R-PRE-10) or recovered (R-FMM-3). Each
 * change returns the events it caused; the repository writes state and events in one document update, so a
 * submission is recorded with its events or not at all (R-PRE-12).
 */
public class PreRegistration {

    public static final String COLLECTION = "preregistrations";

    /** The stored statuses; NOT_AVAILABLE is derived from the entry date in the history. */
    public enum Status { DRAFT, APPROVED, REJECTED, CANCELLED }

    private String id;
    private String accountId;
    private String documentId;
    private PreRegistrationVariant variant;
    private String nue;
    private String sreFolio;
    private Status status;
    private TravelData travel;
    private AdditionalData additional;
    private Map<String, Boolean> answers;
    private Map<String, StoredAttachment> attachments = new HashMap<>();
    private Holder holder;
    private String email;
    private Language language;
    private List<String> failedRules;
    private Instant retryBlockedUntil;
    private String supersededBy;
    private Instant createdAt;
    private Instant decidedAt;
    private Instant recoveryRequestedAt;
    private List<Instant> rescheduledAt = new ArrayList<>();
    private long version;

    protected PreRegistration() {
    }

    /** Everything a pre-registration stores, for {@link PreRegistrationDocument}; the outbox is the repository's. */
    record State(String id, String accountId, String documentId, PreRegistrationVariant variant, String nue,
            String sreFolio, Status status, TravelData travel, AdditionalData additional, Map<String, Boolean> answers,
            Map<String, StoredAttachment> attachments, Holder holder, String email, Language language,
            List<String> failedRules, Instant retryBlockedUntil, String supersededBy, Instant createdAt,
            Instant decidedAt, Instant recoveryRequestedAt, List<Instant> rescheduledAt, long version) {
    }

    State state() {
        return new State(id, accountId, documentId, variant, nue, sreFolio, status, travel, additional, answers,
                attachments, holder, email, language, failedRules, retryBlockedUntil, supersededBy, createdAt,
                decidedAt, recoveryRequestedAt, List.copyOf(rescheduledAt), version);
    }

    static PreRegistration restore(State state) {
        PreRegistration restored = new PreRegistration();
        restored.id = state.id();
        restored.accountId = state.accountId();
        restored.documentId = state.documentId();
        restored.variant = state.variant();
        restored.nue = state.nue();
        restored.sreFolio = state.sreFolio();
        restored.status = state.status();
        restored.travel = state.travel();
        restored.additional = state.additional();
        restored.answers = state.answers();
        restored.attachments = new HashMap<>(state.attachments());
        restored.holder = state.holder();
        restored.email = state.email();
        restored.language = state.language();
        restored.failedRules = state.failedRules();
        restored.retryBlockedUntil = state.retryBlockedUntil();
        restored.supersededBy = state.supersededBy();
        restored.createdAt = state.createdAt();
        restored.decidedAt = state.decidedAt();
        restored.recoveryRequestedAt = state.recoveryRequestedAt();
        restored.rescheduledAt = new ArrayList<>(state.rescheduledAt());
        restored.version = state.version();
        return restored;
    }

    static PreRegistration draft(String accountId, String documentId, PreRegistrationVariant variant, String nue,
            String sreFolio, Instant now) {
        PreRegistration draft = new PreRegistration();
        draft.id = UUID.randomUUID().toString();
        draft.accountId = accountId;
        draft.documentId = documentId;
        draft.variant = variant;
        draft.nue = nue;
        draft.sreFolio = sreFolio;
        draft.status = Status.DRAFT;
        draft.createdAt = now;
        return draft;
    }

    void recordTravel(TravelData data) {
        requireDraft();
        travel = data;
    }

    void recordAdditional(AdditionalData data) {
        requireDraft();
        additional = data;
    }

    void recordAnswers(Map<String, Boolean> data) {
        requireDraft();
        answers = Map.copyOf(data);
    }

    /** Written at {@code newVersion}: the state held here is now the stored one (its events wait in the store). */
    void stored(long newVersion) {
        version = newVersion;
    }

    /** Puts a file in a slot; returns the file it replaced, to delete, or {@code null}. */
    StoredAttachment attach(String slot, StoredAttachment attachment) {
        requireDraft();
        return attachments.put(slot, attachment);
    }

    /**
     * Decides the draft: {@code PreRegistrationSubmitted}, then Approved or Rejected, and the partners' decision.
     *
     * @param holder   the passport data now, {@code null} when the document is gone
     * @param email    where the FMME goes
     * @param language the language of its e-mails
     */
    List<DomainEvent> submit(Decision decision, Holder holder, String email, Language language, Instant now,
            Duration retryBlock) {
        requireDraft();
        this.holder = holder;
        this.email = email;
        this.language = language;
        List<DomainEvent> events = new ArrayList<>();
        events.add(new PreRegistrationSubmitted(uuid(), accountId, UUID.fromString(documentId), variant,
                travel.trip()));
        events.addAll(decide(decision, now, retryBlock));
        return events;
    }

    /**
     * The flight was rescheduled (R-PRE-11): only an approved pre-registration, decided again on the new data. The
     * partners first hear that the earlier approval no longer holds. Each reschedule issues the FMME and both e-mails
     * again, so the same flight is refused ({@code reschedule_unchanged}), and so is a reschedule past {@code perDay}
     * in a day ({@code reschedule_limit}, 429 until the oldest of the day's is a day old).
     */
    List<DomainEvent> reschedule(TravelData newTravel, Decision decision, Instant now, Duration retryBlock,
            int perDay) {
        if (status != Status.APPROVED) {
            throw new ProblemException(HttpStatus.CONFLICT, "not_approved");
        }
        if (newTravel.equals(travel)) {
            throw new ProblemException(HttpStatus.CONFLICT, "reschedule_unchanged");
        }
        Quota.perDay(perDay).take(rescheduledAt, now).ifPresent(wait -> {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "reschedule_limit", wait);
        });
        List<DomainEvent> events = new ArrayList<>();
        LocalDate previousEntry = travel.entryDate();
        events.add(partnerDecision(BoardingDecisionPublished.Decision.CANCELLED));
        travel = newTravel;
        events.add(new PreRegistrationAmended(uuid(), accountId, UUID.fromString(documentId), previousEntry,
                travel.trip()));
        events.addAll(decide(decision, now, retryBlock));
        events.removeIf(event -> event == null);
        return events;
    }

    /** A newer approval for the same entry date replaced this one (R-PRE-10). */
    List<DomainEvent> supersede(String newerId) {
        status = Status.CANCELLED;
        supersededBy = newerId;
        List<DomainEvent> events = new ArrayList<>();
        events.add(new PreRegistrationCancelled(uuid(), accountId, UUID.fromString(documentId), travel.entryDate(),
                PreRegistrationCancelled.Reason.SUPERSEDED, UUID.fromString(newerId)));
        events.add(partnerDecision(BoardingDecisionPublished.Decision.CANCELLED));
        events.removeIf(event -> event == null);
        return events;
    }

    /** The account was closed (R-ENT-5): an approved pre-registration stops being valid. */
    List<DomainEvent> cancelForClosedAccount() {
        if (status != Status.APPROVED) {
            throw new IllegalStateException("only an approved pre-registration is cancelled, this one is " + status);
        }
        status = Status.CANCELLED;
        List<DomainEvent> events = new ArrayList<>();
        events.add(new PreRegistrationCancelled(uuid(), accountId, UUID.fromString(documentId), travel.entryDate(),
                PreRegistrationCancelled.Reason.ACCOUNT_CLOSED, null));
        events.add(partnerDecision(BoardingDecisionPublished.Decision.CANCELLED));
        events.removeIf(event -> event == null);
        return events;
    }

    /**
     * "Recuperar FMM y QR" (R-FMM-3): only for an approved pre-registration, and once per {@code interval} (the
     * manual's five minutes for both e-mails to arrive): sooner is {@code recovery_too_soon}, 429 until then.
     */
    FmmeRecoveryRequested requestRecovery(Instant now, Duration interval) {
        if (status != Status.APPROVED) {
            throw new ProblemException(HttpStatus.CONFLICT, "not_approved");
        }
        if (recoveryRequestedAt != null && now.isBefore(recoveryRequestedAt.plus(interval))) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "recovery_too_soon",
                    Duration.between(now, recoveryRequestedAt.plus(interval)));
        }
        recoveryRequestedAt = now;
        return new FmmeRecoveryRequested(uuid(), accountId, email, language);
    }

    private List<DomainEvent> decide(Decision decision, Instant now, Duration retryBlock) {
        decidedAt = now;
        failedRules = decision.failedRules();
        List<DomainEvent> events = new ArrayList<>();
        if (decision.approved()) {
            status = Status.APPROVED;
            retryBlockedUntil = null;
            events.add(new PreRegistrationApproved(uuid(), accountId, UUID.fromString(documentId), variant,
                    holder.traveller(additional.occupation()), travel.trip(), additional.lodging(), nue, sreFolio,
                    email, language));
            events.add(partnerDecision(BoardingDecisionPublished.Decision.APPROVED));
        } else {
            status = Status.REJECTED;
            retryBlockedUntil = now.plus(retryBlock);
            events.add(new PreRegistrationRejected(uuid(), accountId, UUID.fromString(documentId), travel.entryDate(),
                    failedRules, retryBlockedUntil));
            events.add(partnerDecision(BoardingDecisionPublished.Decision.NOT_APPROVED));
        }
        events.removeIf(event -> event == null);
        return events;
    }

    /** The PII-minimised decision for airlines and airports (R-OPS-1); none without passport data. */
    private BoardingDecisionPublished partnerDecision(BoardingDecisionPublished.Decision decision) {
        if (holder == null) {
            return null;
        }
        return new BoardingDecisionPublished(uuid(), holder.documentHash(), holder.nationality(), travel.entryDate(),
                travel.arrivalAirport(), travel.airline(), travel.flightNumber(), decision);
    }

    private void requireDraft() {
        if (status != Status.DRAFT) {
            throw new ProblemException(HttpStatus.CONFLICT, "not_draft");
        }
    }

    private UUID uuid() {
        return UUID.fromString(id);
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String documentId() {
        return documentId;
    }

    public PreRegistrationVariant variant() {
        return variant;
    }

    public Status status() {
        return status;
    }

    public TravelData travel() {
        return travel;
    }

    public AdditionalData additional() {
        return additional;
    }

    public Map<String, Boolean> answers() {
        return answers;
    }

    public Map<String, StoredAttachment> attachments() {
        return Map.copyOf(attachments);
    }

    public String nue() {
        return nue;
    }

    public String sreFolio() {
        return sreFolio;
    }

    public Instant retryBlockedUntil() {
        return retryBlockedUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    /** The entry date of the trip, {@code null} before the travel step. */
    public LocalDate entryDate() {
        return travel == null ? null : travel.entryDate();
    }
}
