package mx.gob.inm.preregistro.preregistration.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.partners.BoardingDecisionPublished;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;
import mx.gob.inm.preregistro.platform.problem.FieldViolation;
import mx.gob.inm.preregistro.platform.accounts.ClosedAccounts;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;
import mx.gob.inm.preregistro.preregistration.PreRegistrationProperties;
import mx.gob.inm.preregistro.preregistration.decision.Decision;
import mx.gob.inm.preregistro.preregistration.decision.DecisionInput;
import mx.gob.inm.preregistro.preregistration.decision.DecisionRules;
import mx.gob.inm.preregistro.preregistration.decision.RuleId;
import mx.gob.inm.preregistro.preregistration.documents.DocumentClaim;
import mx.gob.inm.preregistro.preregistration.documents.TravellerDocument;
import mx.gob.inm.preregistro.preregistration.documents.TravellerDocuments;
import mx.gob.inm.preregistro.preregistration.traveller.TravellerProfile;
import mx.gob.inm.preregistro.preregistration.traveller.TravellerProfiles;

/**
 * The pre-registration use cases behind the HTTP API: create a draft, save each step, submit (decide),
 * reschedule, recover ({@link DraftAttachments} keeps the files). Rules live in {@link PreRegistration}, {@link StepValidator} and
 * {@link DecisionRules}; this class gathers the facts and stores each change with its events in one write.
 */
@Service
class PreRegistrationService {

    private static final Logger log = LoggerFactory.getLogger(PreRegistrationService.class);

    private final PreRegistrations preRegistrations;
    private final TravellerDocuments documents;
    private final TravellerProfiles profiles;
    private final StepValidator validator;
    private final DecisionRules rules;
    private final PreRegistrationProperties properties;
    private final Outbox outbox;
    private final SubmissionMetrics metrics;
    private final Clock clock;
    private final ClosedAccounts closedAccounts;

    PreRegistrationService(PreRegistrations preRegistrations, TravellerDocuments documents,
            TravellerProfiles profiles, StepValidator validator, DecisionRules rules,
            PreRegistrationProperties properties, Outbox outbox, SubmissionMetrics metrics, Clock clock,
            ClosedAccounts closedAccounts) {
        this.preRegistrations = preRegistrations;
        this.documents = documents;
        this.profiles = profiles;
        this.validator = validator;
        this.rules = rules;
        this.properties = properties;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
        this.closedAccounts = closedAccounts;
    }

    /** The outcome of a submission or reschedule, and whether travel is closer than recommended (R-PRE-6). */
    record Outcome(PreRegistration.Status status, boolean lateWarning) {
    }

    /** A draft started: a new one, or the newest not submitted yet of the same document and variant, resumed. */
    record Started(PreRegistration draft, boolean resumed) {
    }

    /**
     * A draft (R-PRE-2) for a usable, eligible document of the caller; a diplomatic document takes variant II;
     * the NUE / SRE folio is taken from the request only the first time and reused afterwards. A traveller may
     * prepare several trips at once, up to {@code drafts-per-document} drafts of one document and variant; past that,
     * INICIAR resumes the newest where it was left (R-PRE-3): drafts do not pile up without end, in the history or in
     * the database (4,000 INICIAR in 11 s made 4,000 drafts).
     */
    Started create(String accountId, Requests.Create request) {
        PreRegistrationVariant variant = parseVariant(request.variant());
        TravellerDocument document = eligibleDocument(accountId, request.documentId());
        if (document.diplomatic() && variant != PreRegistrationVariant.DIPLOMATIC) {
            throw ValidationFailedException.of("variant", "diplomatic_document_variant");
        }
        checkRetryBlock(document.id());
        TravellerProfile profile = profiles.find(accountId);
        String nue = null;
        String sreFolio = null;
        if (variant == PreRegistrationVariant.NUE) {
            nue = profile.nue() != null ? profile.nue()
                    : captured(accountId, "nue", request.nue(), properties.nuePattern()).nue();
        } else if (variant == PreRegistrationVariant.DIPLOMATIC) {
            sreFolio = profile.sreFolio() != null ? profile.sreFolio()
                    : captured(accountId, "sreFolio", request.sreFolio(), properties.sreFolioPattern()).sreFolio();
        }
        Optional<PreRegistration> pending = preRegistrations.newestDraftAtLimit(accountId, document.id(), variant,
                properties.draftsPerDocument());
        if (pending.isPresent()) {
            return new Started(pending.get(), true);
        }
        PreRegistration draft = PreRegistration.draft(accountId, document.id(), variant, nue, sreFolio,
                clock.instant());
        preRegistrations.insert(draft);
        return new Started(draft, false);
    }

    PreRegistration find(String id, String accountId) {
        return owned(id, accountId);
    }

    PreRegistration recordTravel(String id, String accountId, Requests.Travel request) {
        PreRegistration draft = owned(id, accountId);
        draft.recordTravel(validator.travel(request, draft.variant(), today()));
        return save(draft, PreRegistration.Status.DRAFT, List.of());
    }

    PreRegistration recordAdditional(String id, String accountId, Requests.Additional request) {
        PreRegistration draft = owned(id, accountId);
        draft.recordAdditional(validator.additional(request));
        return save(draft, PreRegistration.Status.DRAFT, List.of());
    }

    PreRegistration recordControl(String id, String accountId, Requests.Control request) {
        PreRegistration draft = owned(id, accountId);
        draft.recordAnswers(validator.control(request));
        return save(draft, PreRegistration.Status.DRAFT, List.of());
    }

    /**
     * ENVIAR INFORMACIÓN: decides the draft and records the decision with all its events in one write (R-PRE-8,
     * R-PRE-12), counted in the flow's metrics once stored; an approval then displaces an earlier approval for the
     * same document and entry date (R-PRE-10).
     *
     * @param tokenEmail the e-mail of the caller's token, used when no {@code AccountRegistered} was seen
     * @param locale     the caller's language, used likewise
     */
    Outcome submit(String id, String accountId, Requests.Submit request, String tokenEmail, Locale locale) {
        PreRegistration draft = owned(id, accountId);
        if (draft.status() != PreRegistration.Status.DRAFT) {
            throw new ProblemException(HttpStatus.CONFLICT, "not_draft");
        }
        // a draft that outlived the closure (made from a document heard of after it) is never decided
        closedAccounts.requireOpen(accountId);
        requireComplete(draft, request);
        checkRetryBlock(draft.documentId());
        Optional<TravellerDocument> document = documents.owned(draft.documentId(), accountId);
        Decision decision = decide(draft, draft.travel(), document);
        TravellerProfile profile = profiles.find(accountId);
        String email = profile.email() != null ? profile.email() : tokenEmail;
        Language language = profile.language() != null ? profile.language()
                : "en".equals(locale.getLanguage()) ? Language.en : Language.es;
        Holder holder = document.filter(d -> d.documentNumber() != null).map(Holder::of).orElse(null);
        Instant now = clock.instant();
        profiles.countSubmission(accountId, now, properties.submissionsPerDay()).ifPresent(wait -> {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "submission_limit", wait);
        });
        List<DomainEvent> events = draft.submit(decision, holder, email, language, now, properties.retryBlock());
        storeSubmission(draft, events, accountId, now);
        metrics.submissionDecided(decision);
        if (decision.approved()) {
            supersedeEarlier(draft);
        }
        return new Outcome(draft.status(), lateWarning(draft.entryDate(), now));
    }

    /**
     * Stores a decided submission. It is a service record: its document is claimed before it is stored, or it is
     * refused when the document's deletion came first (R-DOC-9). A submission not stored takes back its claim and
     * its place among the day's submissions.
     */
    private void storeSubmission(PreRegistration draft, List<DomainEvent> events, String accountId, Instant now) {
        DocumentClaim claim = null;
        try {
            claim = documents.claim(draft.documentId(), draft.id(), now).orElseThrow(() ->
                    new ProblemException(HttpStatus.CONFLICT, "document_withdrawn"));
            save(draft, PreRegistration.Status.DRAFT, events);
        } catch (RuntimeException notStored) {
            DocumentClaim taken = claim;
            if (taken != null) {
                undo(notStored, () -> documents.release(draft.documentId(), taken));
            }
            undo(notStored, () -> profiles.uncountSubmission(accountId, now));
            throw notStored;
        }
    }

    /** Runs an undo of a failed call; its own failure is kept with the call's. */
    private static void undo(RuntimeException failure, Runnable undo) {
        try {
            undo.run();
        } catch (RuntimeException undoFailed) {
            failure.addSuppressed(undoFailed);
        }
    }

    /** The flight was rescheduled: an approved pre-registration is decided again on its new dates (R-PRE-11). */
    Outcome reschedule(String id, String accountId, Requests.Reschedule request) {
        PreRegistration approved = owned(id, accountId);
        if (approved.status() != PreRegistration.Status.APPROVED) {
            throw new ProblemException(HttpStatus.CONFLICT, "not_approved");
        }
        LocalDate previousEntry = approved.entryDate();
        TravelData newTravel = validator.reschedule(request, approved.travel(), approved.variant(), today());
        Decision decision = decide(approved, newTravel, documents.owned(approved.documentId(), accountId));
        Instant now = clock.instant();
        List<DomainEvent> events = approved.reschedule(newTravel, decision, now, properties.retryBlock(),
                properties.reschedulesPerDay());
        save(approved, PreRegistration.Status.APPROVED, events);
        if (!decision.approved() || !previousEntry.equals(newTravel.entryDate())) {
            preRegistrations.releaseEntryDate(approved.documentId(), previousEntry, approved.id());
        }
        if (decision.approved()) {
            supersedeEarlier(approved);
        }
        return new Outcome(approved.status(), lateWarning(approved.entryDate(), now));
    }

    /** "Recuperar FMM y QR" (R-FMM-3). */
    void recover(String id, String accountId) {
        PreRegistration approved = owned(id, accountId);
        save(approved, approved.status(),
                List.of(approved.requestRecovery(clock.instant(), properties.recoveryInterval())));
    }

    private Decision decide(PreRegistration pre, TravelData travel, Optional<TravellerDocument> document) {
        DecisionInput input = new DecisionInput(
                pre.variant(),
                document.map(d -> d.usableOn(today())).orElse(false),
                document.map(TravellerDocument::nationality).orElse(null),
                document.map(TravellerDocument::classification).orElse(null),
                document.map(TravellerDocument::expiryDate).orElse(null),
                travel.entryDate(),
                travel.exitDate(),
                travel.purpose(),
                pre.answers(),
                pre.attachments().keySet(),
                today());
        Decision decision = rules.decide(input);
        decision.failedRules().forEach(rule -> log.info("Pre-registration {} fails rule {}: {}", pre.id(), rule,
                rules.explanation(RuleId.valueOf(rule))));
        return decision;
    }

    /** Claims the entry date and cancels the approval it displaces, retried if that one is changing meanwhile. */
    private void supersedeEarlier(PreRegistration approved) {
        Optional<String> displaced = preRegistrations.claimEntryDate(approved.documentId(), approved.entryDate(),
                approved.id());
        displaced.ifPresent(displacedId -> {
            for (int attempt = 0; attempt < 5; attempt++) {
                Optional<PreRegistration> earlier = preRegistrations.findById(displacedId)
                        .filter(pre -> pre.status() == PreRegistration.Status.APPROVED
                                && approved.entryDate().equals(pre.entryDate()));
                if (earlier.isEmpty()) {
                    return;
                }
                PreRegistration cancelled = earlier.get();
                long version = cancelled.version();
                List<DomainEvent> events = cancelled.supersede(approved.id());
                if (preRegistrations.update(cancelled, version, PreRegistration.Status.APPROVED,
                        entries(events, cancelled.accountId()))) {
                    return;
                }
            }
            log.warn("Pre-registration {} could not be cancelled after being superseded by {}", displacedId,
                    approved.id());
        });
    }

    PreRegistration save(PreRegistration changed, PreRegistration.Status expectedStatus,
            List<DomainEvent> events) {
        long version = changed.version();
        if (!preRegistrations.update(changed, version, expectedStatus, entries(events, changed.accountId()))) {
            throw new ProblemException(HttpStatus.CONFLICT, "concurrent_change");
        }
        return changed;
    }

    /** Partners' decisions withhold the account id (envelope subject {@code null}, R-OPS-1). */
    private List<OutboxEntry> entries(List<DomainEvent> events, String accountId) {
        return events.stream()
                .map(event -> outbox.entryFor(event, event instanceof BoardingDecisionPublished ? null : accountId))
                .toList();
    }

    private void requireComplete(PreRegistration draft, Requests.Submit request) {
        List<FieldViolation> missing = new ArrayList<>();
        if (draft.travel() == null) {
            missing.add(FieldViolation.of("travel", "step_incomplete"));
        }
        if (draft.additional() == null) {
            missing.add(FieldViolation.of("additional", "step_incomplete"));
        }
        if (draft.answers() == null) {
            missing.add(FieldViolation.of("control", "step_incomplete"));
        }
        if (request == null || !Boolean.TRUE.equals(request.termsAccepted())) {
            missing.add(FieldViolation.of("termsAccepted", "must_accept"));
        }
        if (!missing.isEmpty()) {
            throw new ValidationFailedException(missing);
        }
    }

    /** R-PRE-9: within the block after a rejection of this document, 409 {@code RETRY_BLOCKED} and when it lifts. */
    private void checkRetryBlock(String documentId) {
        preRegistrations.blockingRejection(documentId, clock.instant()).ifPresent(rejected -> {
            throw new ProblemException(HttpStatus.CONFLICT, "RETRY_BLOCKED",
                    Map.of("retryAfter", rejected.retryBlockedUntil().toString()));
        });
    }

    private TravellerDocument eligibleDocument(String accountId, String documentId) {
        if (documentId == null || documentId.isBlank()) {
            throw ValidationFailedException.of("documentId", "required");
        }
        TravellerDocument document = documents.owned(documentId, accountId)
                .orElseThrow(() -> ValidationFailedException.of("documentId", "unknown_document"));
        if (!document.usableOn(today()) || !properties.eligibleNationalities().contains(document.nationality())) {
            throw ValidationFailedException.of("documentId", "document_not_eligible");
        }
        return document;
    }

    private TravellerProfile captured(String accountId, String field, String value, Pattern format) {
        if (value == null || value.isBlank()) {
            throw ValidationFailedException.of(field, "required");
        }
        String normalised = value.trim().toUpperCase(Locale.ROOT);
        if (!format.matcher(normalised).matches()) {
            throw ValidationFailedException.of(field, "format");
        }
        return profiles.captureOnce(accountId, field, normalised);
    }

    private static PreRegistrationVariant parseVariant(String variant) {
        if (variant == null || variant.isBlank()) {
            throw ValidationFailedException.of("variant", "required");
        }
        try {
            return PreRegistrationVariant.valueOf(variant.trim());
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("variant", "invalid");
        }
    }

    PreRegistration owned(String id, String accountId) {
        return preRegistrations.owned(id, accountId).orElseThrow(ProblemException::notFound);
    }

    private boolean lateWarning(LocalDate entryDate, Instant now) {
        return entryDate != null && entryDate.atStartOfDay(properties.zone()).toInstant()
                .isBefore(now.plus(properties.recommendedNotice()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
