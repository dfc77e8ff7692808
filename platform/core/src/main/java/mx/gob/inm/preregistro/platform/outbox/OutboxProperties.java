package mx.gob.inm.preregistro.platform.outbox;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay of a service.
 *
 * @param collections   the aggregate collections whose documents carry an {@code outbox} array
 * @param pollInterval  pause between two polls
 * @param leaseDuration how long one instance keeps the right to relay a collection without renewing it
 * @param batchSize     documents read per collection and poll
 * @param sendTimeout   how long to wait for Kafka to acknowledge the events sent in one poll
 */
@Validated
@ConfigurationProperties("preregistro.outbox")
public record OutboxProperties(
        @DefaultValue List<String> collections,
        @NotNull @DefaultValue("250ms") Duration pollInterval,
        @NotNull @DefaultValue("15s") Duration leaseDuration,
        @Min(1) @DefaultValue("100") int batchSize,
        @NotNull @DefaultValue("10s") Duration sendTimeout) {
}
