package mx.gob.inm.preregistro.platform.problem;

import java.util.List;

/** A request broke one or more rules; answered 400 with one error per field and rule. */
public class ValidationFailedException extends RuntimeException {

    private final List<FieldViolation> violations;

    public ValidationFailedException(List<FieldViolation> violations) {
        super("Validation failed: " + violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static ValidationFailedException of(String field, String code, Object... args) {
        return new ValidationFailedException(List.of(FieldViolation.of(field, code, args)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
