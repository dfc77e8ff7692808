package mx.gob.inm.preregistro.preregistration.decision;

import java.util.List;

/** The outcome of the rules: approved when no enabled rule failed; the failed rule ids otherwise. */
public record Decision(List<String> failedRules) {

    public Decision {
        failedRules = List.copyOf(failedRules);
    }

    public boolean approved() {
        return failedRules.isEmpty();
    }
}
