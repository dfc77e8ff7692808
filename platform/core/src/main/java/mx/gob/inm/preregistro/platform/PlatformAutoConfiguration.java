package mx.gob.inm.preregistro.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.FixedBackOff;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.platform.accounts.ClosedAccounts;
import mx.gob.inm.preregistro.platform.correlation.CorrelationIdFilter;
import mx.gob.inm.preregistro.platform.deadletter.DeadLetterTopics;
import mx.gob.inm.preregistro.platform.correlation.CorrelationRecordInterceptor;
import mx.gob.inm.preregistro.platform.events.EventJson;
import mx.gob.inm.preregistro.platform.health.KafkaHealthIndicator;
import mx.gob.inm.preregistro.platform.health.MongoPingHealthIndicator;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;
import mx.gob.inm.preregistro.platform.inbox.IdempotentConsumer;
import mx.gob.inm.preregistro.platform.outbox.Outbox;
import mx.gob.inm.preregistro.platform.outbox.OutboxProperties;
import mx.gob.inm.preregistro.platform.outbox.OutboxRelay;
import mx.gob.inm.preregistro.platform.outbox.RelayLease;
import mx.gob.inm.preregistro.platform.problem.CallerLanguage;
import mx.gob.inm.preregistro.platform.problem.ConcreteContentType;
import mx.gob.inm.preregistro.platform.problem.ProblemHandler;
import mx.gob.inm.preregistro.platform.problem.ProblemReportValve;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/** Wires the platform's mechanisms into every service that has the platform on its classpath. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"},
        beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class PlatformAutoConfiguration {

    /**
     * How long an event another delivery started handling stays that delivery's: past it, the instance that started
     * is taken for dead (killed mid-way) and the event is handled again. Handlers take milliseconds to seconds.
     */
    private static final String TAKE_OVER_AFTER = "60s";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventJson eventJson(JsonMapper mapper) {
        return new EventJson(mapper);
    }

    @Bean
    Outbox outbox(EventJson json, Clock clock) {
        return new Outbox(json, clock);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(MongoTemplate mongo, Clock clock, MeterRegistry meters,
            @Value("${preregistro.inbox.take-over-after:" + TAKE_OVER_AFTER + "}") Duration takeOverAfter) {
        return new IdempotentConsumer(mongo, clock, takeOverAfter, meters);
    }

    @Bean
    EventInbox eventInbox(EventJson json, IdempotentConsumer idempotent) {
        return new EventInbox(json, idempotent);
    }

    @Bean
    ClosedAccounts closedAccounts(MongoTemplate mongo, Clock clock) {
        return new ClosedAccounts(mongo, clock);
    }

    /**
     * Text comes only from JSON strings: a number, {@code 1e999999} or a boolean sent for a text field
     * ({@code "surname": true}) is refused, not silently kept as the text {@code "true"}. Jackson's default takes any
     * scalar as text; the refusal reaches {@link ProblemHandler} as a 400 naming the field. Applies to request bodies
     * and to events read by {@link EventJson} alike (events are written from records, so their text is always text).
     */
    @Bean
    JsonMapperBuilderCustomizer textOnlyFromJsonStrings() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new CallerLanguage();
    }

    @Bean
    ProblemHandler problemHandler(MessageSource messages) {
        return new ProblemHandler(messages);
    }

    /**
     * Tomcat's own error answers as problems. Unordered, so applied after Spring Boot's customizer (order 0), whose
     * error report valve it replaces.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(ProblemHandler problems, JsonMapper json) {
        return factory -> factory.addContextCustomizers(context -> ProblemReportValve.install(context.getParent(),
                status -> json.writeValueAsBytes(problems.requestError(status))));
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** A wildcard body type taken as none (a 415, not a 500), before anything reads the request. */
    @Bean
    FilterRegistrationBean<ConcreteContentType> concreteContentType() {
        FilterRegistrationBean<ConcreteContentType> registration =
                new FilterRegistrationBean<>(new ConcreteContentType());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * A listener that fails is retried with growing pauses (1 s, 2 s, 4 s...) instead of ten times at once; what
     * still fails, and a malformed record at once, goes to this service's dead-letter topic for that topic
     * ({@link DeadLetterTopics}), where operators inspect and replay it (R-OPS-4): never silently dropped. An event
     * that another delivery is still handling (or was handling when its instance died) is not a failure: it is
     * tried every 5 s until the inbox hands it over, so a crash never sends an event to the dead letters.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(@Value("${preregistro.kafka.max-retries:6}") int maxRetries,
            @Value("${preregistro.inbox.take-over-after:" + TAKE_OVER_AFTER + "}") Duration takeOverAfter,
            KafkaTemplate<String, String> kafka, @Value("${spring.application.name}") String service) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(maxRetries);
        backOff.setInitialInterval(1000);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(DeadLetterTopics.of(record.topic(), service), -1)), backOff);
        handler.addNotRetryableExceptions(JacksonException.class);   // a malformed record stays malformed
        FixedBackOff untilTakenOver = new FixedBackOff(5_000, takeOverAfter.toSeconds() / 5 + 6);
        handler.setBackOffFunction((record, failure) -> causedBy(failure, IdempotentConsumer.EventInProgressException.class)
                ? untilTakenOver : null);
        return handler;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A request that needs the database while it cannot be reached waits 5 s, not the driver's 30, before it is
     * answered 503 (ProblemHandler): the traveller sees "try again" instead of a page that hangs.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer serverSelectionTimeout(
            @Value("${preregistro.mongodb.server-selection-timeout:5s}") Duration timeout) {
        return settings -> settings.applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    CorrelationRecordInterceptor correlationRecordInterceptor() {
        return new CorrelationRecordInterceptor();
    }

    /** Named like Boot's own so that Boot's ({@code hello}-based) indicator backs off. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
    }

    /** Every topic of the contracts, created at start-up when missing (3 partitions; keys keep aggregates ordered). */
    @Bean
    KafkaAdmin.NewTopics contractTopics(@Value("${preregistro.kafka.partitions:3}") int partitions,
            @Value("${preregistro.kafka.replicas:1}") int replicas) {
        List<NewTopic> topics = Topics.all().stream()
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicas).build())
                .toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * The lease every scheduler of the service takes (the outbox relay per collection, a service's own jobs under
     * {@code job:<name>}), so that two instances never run the same job at once. It runs on the wall clock, not on
     * the service's {@link Clock} bean: that one tells business time (tests move it by days), while a lease is
     * about real seconds between instances.
     */
    @Bean
    RelayLease relayLease(MongoTemplate mongo) {
        return new RelayLease(mongo, Clock.systemUTC());
    }

    /** The outbox relay runs where the service names the collections that carry an outbox. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "preregistro.outbox.enabled", havingValue = "true", matchIfMissing = true)
    static class RelayConfiguration {

        @Bean
        OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, RelayLease lease,
                OutboxProperties properties, MeterRegistry meters) {
            return new OutboxRelay(mongo, kafka, lease, properties, meters, Clock.systemUTC());
        }
    }
}
