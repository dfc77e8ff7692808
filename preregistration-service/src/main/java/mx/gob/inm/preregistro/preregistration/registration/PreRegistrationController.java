package mx.gob.inm.preregistro.preregistration.registration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.problem.ValidationFailedException;
import mx.gob.inm.preregistro.preregistration.PreRegistrationProperties;

/**
 * The pre-registration wizard and its lifecycle over HTTP (../shared/API.md, Pre-registration). The caller is the
 * token's subject; another traveller's pre-registration answers 404. The decision's reasons never appear here:
 * the traveller reads the approval or the generic "No Cumple" message (R-PRE-8).
 */
@RestController
@RequestMapping("/api/preregistrations")
class PreRegistrationController {

    private final PreRegistrationService service;
    private final DraftAttachments attachments;
    private final PreRegistrationProperties properties;
    private final MessageSource messages;

    PreRegistrationController(PreRegistrationService service, DraftAttachments attachments,
            PreRegistrationProperties properties, MessageSource messages) {
        this.service = service;
        this.attachments = attachments;
        this.properties = properties;
        this.messages = messages;
    }

    /** 201 with a new draft; 200 with the newest draft of this document and variant when it has as many as allowed. */
    @PostMapping
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal Jwt caller,
            @RequestBody Requests.Create request) {
        PreRegistrationService.Started started = service.create(caller.getSubject(), request);
        return ResponseEntity.status(started.resumed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(Map.of("id", started.draft().id(), "status", started.draft().status().name()));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
        return view(service.find(id, caller.getSubject()));
    }

    @PutMapping("/{id}/travel")
    Map<String, Object> travel(@AuthenticationPrincipal Jwt caller, @PathVariable String id,
            @RequestBody Requests.Travel request) {
        return view(service.recordTravel(id, caller.getSubject(), request));
    }

    @PutMapping("/{id}/additional")
    Map<String, Object> additional(@AuthenticationPrincipal Jwt caller, @PathVariable String id,
            @RequestBody Requests.Additional request) {
        return view(service.recordAdditional(id, caller.getSubject(), request));
    }

    @PutMapping("/{id}/control")
    Map<String, Object> control(@AuthenticationPrincipal Jwt caller, @PathVariable String id,
            @RequestBody Requests.Control request) {
        return view(service.recordControl(id, caller.getSubject(), request));
    }

    @PutMapping(path = "/{id}/attachments/{slot}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> attach(@AuthenticationPrincipal Jwt caller, @PathVariable String id,
            @PathVariable String slot, @RequestParam(name = "file", required = false) MultipartFile file) {
        if (file == null) {
            throw ValidationFailedException.of("file", "required");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PreRegistration draft = attachments.attach(id, caller.getSubject(), slot, file.getOriginalFilename(), content);
        return attachmentView(slot, draft.attachments().get(slot));
    }

    @GetMapping("/{id}/attachments/{slot}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal Jwt caller, @PathVariable String id,
            @PathVariable String slot) {
        DraftAttachments.Attachment attachment = attachments.attachment(id, caller.getSubject(), slot)
                .orElseThrow(ProblemException::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(attachment.filename()).build().toString())
                .body(attachment.content());
    }

    @PostMapping("/{id}/submit")
    Map<String, Object> submit(@AuthenticationPrincipal Jwt caller, @PathVariable String id,
            @RequestBody(required = false) Requests.Submit request) {
        Locale locale = LocaleContextHolder.getLocale();
        return outcome(service.submit(id, caller.getSubject(), request, caller.getClaimAsString("email"), locale));
    }

    @PostMapping("/{id}/reschedule")
    Map<String, Object> reschedule(@AuthenticationPrincipal Jwt caller, @PathVariable String id,
            @RequestBody Requests.Reschedule request) {
        return outcome(service.reschedule(id, caller.getSubject(), request));
    }

    @PostMapping("/{id}/recovery")
    ResponseEntity<Void> recovery(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
        service.recover(id, caller.getSubject());
        return ResponseEntity.accepted().build();
    }

    private Map<String, Object> outcome(PreRegistrationService.Outcome outcome) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", outcome.status().name());
        body.put("message", decisionMessage(outcome.status()));
        if (outcome.lateWarning()) {
            body.put("warning", messages.getMessage("preregistration.late_warning",
                    new Object[] {properties.recommendedNotice().toHours()}, locale));
        }
        return body;
    }

    /** The traveller's text of a decision: the approval, or the generic "No Cumple" (never the rules, R-PRE-8). */
    private String decisionMessage(PreRegistration.Status status) {
        return messages.getMessage("preregistration." + status.name().toLowerCase(Locale.ROOT), null,
                LocaleContextHolder.getLocale());
    }

    /** The draft as saved, so the UI can reload the wizard where the traveller left it (R-PRE-3). */
    private Map<String, Object> view(PreRegistration pre) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", pre.id());
        body.put("documentId", pre.documentId());
        body.put("variant", pre.variant().name());
        body.put("status", pre.status().name());
        if (pre.status() == PreRegistration.Status.APPROVED || pre.status() == PreRegistration.Status.REJECTED) {
            body.put("message", decisionMessage(pre.status()));
        }
        body.put("nue", pre.nue());
        body.put("sreFolio", pre.sreFolio());
        body.put("travel", pre.travel());
        body.put("additional", pre.additional());
        body.put("answers", pre.answers());
        body.put("attachments", properties.form().slotsOf(pre.variant()).stream()
                .map(slot -> attachmentView(slot, pre.attachments().get(slot))).toList());
        return body;
    }

    private static Map<String, Object> attachmentView(String slot, StoredAttachment stored) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slot", slot);
        body.put("uploaded", stored != null);
        if (stored != null) {
            body.put("filename", stored.filename());
            body.put("contentType", stored.contentType());
            body.put("size", stored.size());
        }
        return body;
    }
}
