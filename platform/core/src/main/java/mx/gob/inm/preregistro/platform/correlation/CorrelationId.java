package mx.gob.inm.preregistro.platform.correlation;

import java.util.UUID;

import org.slf4j.MDC;

import mx.gob.inm.preregistro.contracts.CorrelationHeader;

/**
 * The correlation id that follows one user action from the gateway through HTTP calls and Kafka events.
 * It lives in the logging MDC of the thread doing the work, so every log line carries it.
 */
public final class CorrelationId {

    /** HTTP and Kafka header name. */
    public static final String HEADER = CorrelationHeader.NAME;
    /** MDC key, used by the log pattern. */
    public static final String MDC_KEY = "correlationId";

    private CorrelationId() {
    }

    /** The current correlation id, or a new one when the thread has none. */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id == null ? UUID.randomUUID().toString() : id;
    }

    /** Makes {@code id} (or a new one when blank or malformed) current; returns what was set. */
    public static String set(String id) {
        String accepted = CorrelationHeader.accepts(id) ? id : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, accepted);
        return accepted;
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
