package mx.gob.inm.preregistro.platform.problem;

import java.util.List;

/**
 * One broken rule on one field. The message shown to people is looked up as {@code validation.<code>} in the
 * service's {@code messages_*.properties} (or the platform's), in the caller's language.
 *
 * @param field the request field, as named in API.md
 * @param code  a stable, machine-readable code, e.g. {@code required}, {@code under_age}
 * @param args  values for the message's placeholders
 */
public record FieldViolation(String field, String code, List<Object> args) {

    public static FieldViolation of(String field, String code, Object... args) {
        return new FieldViolation(field, code, List.of(args));
    }
}
