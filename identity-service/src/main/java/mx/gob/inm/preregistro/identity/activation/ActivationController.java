package mx.gob.inm.preregistro.identity.activation;

import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/accounts/activation {token}} → 200 {@code {"status": "ACTIVE"}}. */
@RestController
class ActivationController {

    private final Activation activation;

    ActivationController(Activation activation) {
        this.activation = activation;
    }

    record ActivationRequest(String token) {
    }

    @PostMapping("/api/accounts/activation")
    Map<String, String> activate(@RequestBody ActivationRequest request) {
        activation.activate(request.token());
        return Map.of("status", "ACTIVE");
    }
}
