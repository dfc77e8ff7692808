package mx.gob.inm.preregistro.document.registry;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import mx.gob.inm.preregistro.platform.problem.ProblemException;

/**
 * The signed-in traveller's documents (R-DOC-4..11): register, list, read, delete, and the services a document
 * gives access to (R-PRE-1). Another account's document is answered as not found.
 */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    /** The one service of the system, offered for Colombian documents only (R-PRE-1). */
    static final String PRE_REGISTRO = "PRE_REGISTRO";
    private static final String COLOMBIA = "COL";

    private final DocumentRegistry registry;

    DocumentController(DocumentRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> register(@AuthenticationPrincipal Jwt token,
            @RequestBody RegistrationForm form) {
        TravelDocument document = registry.register(token.getSubject(), form);
        return ResponseEntity.created(URI.create("/api/documents/" + document.id()))
                .body(view(document, registry.today()));
    }

    @GetMapping
    List<Map<String, Object>> list(@AuthenticationPrincipal Jwt token) {
        LocalDate today = registry.today();
        return registry.list(token.getSubject()).stream().map(document -> view(document, today)).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return view(registry.get(uuid(id), token.getSubject()), registry.today());
    }

    /** 202 with the document, its deletion pending until preregistration-service withdraws it (R-DOC-9). */
    @DeleteMapping("/{id}")
    ResponseEntity<Map<String, Object>> delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return ResponseEntity.accepted().body(view(registry.delete(uuid(id), token.getSubject()), registry.today()));
    }

    /** R-PRE-1: Pre-registro for a valid Colombian document; nothing for any other, nor one being deleted. */
    @GetMapping("/{id}/services")
    List<Map<String, String>> services(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        TravelDocument document = registry.get(uuid(id), token.getSubject());
        if (!COLOMBIA.equals(document.nationality()) || document.deleting()
                || document.statusOn(registry.today()) != TravelDocument.Status.VALID) {
            return List.of();
        }
        return List.of(Map.of("code", PRE_REGISTRO, "name", "Pre-registro"));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound();
        }
    }

    private static Map<String, Object> view(TravelDocument document, LocalDate today) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", document.id());
        view.put("documentType", document.documentType());
        view.put("issuingState", document.issuingState());
        view.put("documentNumber", document.documentNumber());
        view.put("surname", document.surname());
        view.put("givenNames", document.givenNames());
        view.put("nationality", document.nationality());
        view.put("birthDate", document.birthDate());
        view.put("sex", document.sex());
        view.put("expiryDate", document.expiryDate());
        view.put("personalNumber", document.personalNumber());
        view.put("classification", document.classification());
        view.put("status", document.statusOn(today));
        view.put("registeredAt", document.registeredAt());
        view.put("inUse", document.inUse());
        view.put("deleting", document.deleting());
        return view;
    }
}
