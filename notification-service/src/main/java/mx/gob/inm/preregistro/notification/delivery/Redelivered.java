package mx.gob.inm.preregistro.notification.delivery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.kafka.annotation.BackOff;
import org.springframework.kafka.annotation.RetryableTopic;
import org.springframework.kafka.retrytopic.TopicSuffixingStrategy;

import tools.jackson.core.JacksonException;

/**
 * A mail listener's redelivery (R-NOT-2), with {@link Redelivery}'s settings: an event whose mails could not be sent
 * leaves the consumer and comes back from retry topics with growing pauses, then lands in the listener's dead-letter
 * topic ({@link MailListener#recordFailure}); a record that is not an event goes there at once.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@RetryableTopic(attempts = Redelivery.ATTEMPTS,
        backOff = @BackOff(delayString = Redelivery.DELAY, multiplierString = Redelivery.MULTIPLIER,
                maxDelayString = Redelivery.MAX_DELAY),
        retryTopicSuffix = Redelivery.RETRY_SUFFIX, dltTopicSuffix = Redelivery.DLT_SUFFIX,
        topicSuffixingStrategy = TopicSuffixingStrategy.SUFFIX_WITH_INDEX_VALUE,
        numPartitions = Redelivery.PARTITIONS, replicationFactor = Redelivery.REPLICAS,
        exclude = JacksonException.class, traversingCauses = "true", concurrency = Redelivery.RETRY_CONSUMERS)
public @interface Redelivered {
}
