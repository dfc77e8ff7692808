package mx.gob.inm.preregistro.contracts;

/**
 * The correlation id on the wire: the HTTP and Kafka header that carries it from the gateway through every
 * service, and which values are taken from outside (short and printable, so a header cannot inject into logs).
 * The same id travels in {@link EventEnvelope#correlationId()}.
 */
public final class CorrelationHeader {

    public static final String NAME = "X-Correlation-Id";
    public static final int MAX_LENGTH = 64;

    private CorrelationHeader() {
    }

    /** True for a value a service may adopt as its correlation id; anything else is replaced by a new one. */
    public static boolean accepts(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_LENGTH && value.chars().allMatch(
                c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'));
    }
}
