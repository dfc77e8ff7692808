package mx.gob.inm.preregistro.system;

import static mx.gob.inm.preregistro.system.TravellerSession.expect;
import static mx.gob.inm.preregistro.system.TravellerSession.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * An INM operator through the gateway of the running stack: the realm role {@code operator} (granted in Keycloak)
 * reaches the portal's session, which opens the operators' pages in the UI, and the dead-letter tools answer; a
 * traveller's session has no role and the same tools refuse.
 */
@ExtendWith(RunningStack.class)
class OperatorJourneyTest {

    private static final String PASSWORD = "Operadora#2026";
    private final LocalStack stack = RunningStack.stack();

    @Test
    @DisplayName("R-OPS-4 an operator signs in: /api/session names the operator role (the UI shows the dead-letter page) and the dead-letter list answers; a traveller has no role and gets 403")
    void operatorSession() throws Exception {
        TravellerSession traveller = TravellerSession.registered(stack, "Valeria", PASSWORD);
        JsonNode travellerSession = read(expect(traveller.get("/api/session"), 200));
        assertThat(travellerSession.get("roles").isEmpty()).as(travellerSession.toString()).isTrue();
        assertThat(traveller.get("/api/ops/dead-letters").statusCode()).isEqualTo(403);

        TravellerSession registered = TravellerSession.registered(stack, "Operadora", PASSWORD);
        stack.keycloak().grantRealmRoles(registered.email, "operator");
        TravellerSession operator = TravellerSession.visitor(stack, registered.email);
        operator.signIn(PASSWORD);

        JsonNode session = read(expect(operator.get("/api/session"), 200));
        assertThat(session.get("roles").toString()).as(session.toString()).isEqualTo("[\"operator\"]");
        assertThat(read(expect(operator.get("/api/ops/dead-letters"), 200)).isArray()).isTrue();
    }
}
