package mx.gob.inm.preregistro.platform.deadletter;

/**
 * Where a service puts the records of a topic it could not handle: {@code <topic>-<service>-dlt}, e.g.
 * {@code documents.v1-preregistration-dlt} (the service's name without {@code -service}), one per consuming service
 * so an operator knows whose handling failed.
 */
public final class DeadLetterTopics {

    /** Every dead-letter topic ends so. */
    public static final String SUFFIX = "-dlt";

    private DeadLetterTopics() {
    }

    public static String of(String topic, String service) {
        return topic + "-" + service.replaceFirst("-service$", "") + SUFFIX;
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(SUFFIX);
    }
}
