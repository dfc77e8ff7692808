package mx.gob.inm.preregistro.platform.deadletter;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import mx.gob.inm.preregistro.platform.problem.ProblemException;

/**
 * The operators' dead-letter tools (R-OPS-4), served by the one service that enables them
 * ({@code preregistro.ops.dead-letters.enabled}); the path needs Keycloak's realm role {@code operator}
 * ({@code preregistro.security.role-paths}).
 */
@RestController
@ConditionalOnProperty(name = "preregistro.ops.dead-letters.enabled", havingValue = "true")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Every dead letter without its content. */
    @GetMapping("/api/ops/dead-letters")
    List<DeadLetter> list() {
        return deadLetters.list().stream().map(letter -> new DeadLetter(letter.id(), letter.originalTopic(),
                letter.key(), letter.type(), letter.eventId(), letter.error(), letter.deadAt(), null,
                letter.replayedAt(), letter.replayedBy())).toList();
    }

    @GetMapping("/api/ops/dead-letters/{id}")
    DeadLetter inspect(@PathVariable String id) {
        return deadLetters.find(id).orElseThrow(ProblemException::notFound);
    }

    @PostMapping("/api/ops/dead-letters/{id}/replay")
    ResponseEntity<Map<String, Object>> replay(@PathVariable String id, @AuthenticationPrincipal Jwt operator) {
        DeadLetter replayed = deadLetters.replay(id, operator.getClaimAsString("preferred_username"));
        return ResponseEntity.accepted().body(Map.of("id", replayed.id(), "replayedAt", replayed.replayedAt(),
                "originalTopic", replayed.originalTopic()));
    }
}
