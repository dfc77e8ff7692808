package mx.gob.inm.preregistro.preregistration.registration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import mx.gob.inm.preregistro.preregistration.decision.Decision;
import mx.gob.inm.preregistro.preregistration.decision.RuleId;

/**
 * The traveller flow as operators watch it (R-OPS, {@code deploy/grafana/METRICS.md}, dashboard "traveller flow"):
 * {@code preregistro.preregistrations.submitted} and {@code preregistro.preregistrations.decided} with tags
 * {@code decision} (APPROVED, NOT_APPROVED) and {@code rule}. Counted once per submission and only after its
 * decision is stored, so a refused or conflicting request counts nothing. A rejection that fails several rules is
 * counted under the first of them in {@link RuleId} order (all of them are in the event and the log), so the
 * decisions add up to the submissions; an approval's rule is {@code none}. Tags take only the fixed values above.
 */
@Component
class SubmissionMetrics {

    static final String SUBMITTED = "preregistro.preregistrations.submitted";
    static final String DECIDED = "preregistro.preregistrations.decided";
    static final String APPROVED = "APPROVED";
    static final String NOT_APPROVED = "NOT_APPROVED";
    static final String NO_RULE = "none";

    private final MeterRegistry meters;
    private final Counter submitted;

    SubmissionMetrics(MeterRegistry meters) {
        this.meters = meters;
        // every series exists from the start, so the dashboards show zero rather than "no data"
        this.submitted = meters.counter(SUBMITTED);
        decided(APPROVED, NO_RULE);
        for (RuleId rule : RuleId.values()) {
            decided(NOT_APPROVED, rule.name());
        }
    }

    /** One stored submission and its decision. */
    void submissionDecided(Decision decision) {
        submitted.increment();
        if (decision.approved()) {
            decided(APPROVED, NO_RULE).increment();
        } else {
            decided(NOT_APPROVED, firstFailedRule(decision)).increment();
        }
    }

    private static String firstFailedRule(Decision decision) {
        for (RuleId rule : RuleId.values()) {
            if (decision.failedRules().contains(rule.name())) {
                return rule.name();
            }
        }
        throw new IllegalArgumentException("not a rule id: " + decision.failedRules());
    }

    private Counter decided(String outcome, String rule) {
        return meters.counter(DECIDED, "decision", outcome, "rule", rule);
    }
}
