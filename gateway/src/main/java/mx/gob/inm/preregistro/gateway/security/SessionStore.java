package mx.gob.inm.preregistro.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where a browser's session lives: in MongoDB ({@link MongoWebSessions}), not in one gateway's memory, so a restart,
 * a new version rolled out or another instance signs nobody out, and no number of sessions (Spring's in-memory store
 * refused a new one past 10,000, with a 500 to everyone starting a sign-in) is a limit. The traveller's tokens live
 * in the session too, and go with it when it ends (Spring Boot's default kept them per user in memory, for ever).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionStore {

    static final String COLLECTION = "sessions";

    /** How often each instance removes the expired sessions. */
    static final Duration REMOVE_EXPIRED_EVERY = Duration.ofMinutes(5);

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

    @Bean
    MongoWebSessions webSessions(MongoClient mongo, MongoProperties properties,
            @Value("${server.reactive.session.timeout:30m}") Duration timeout) {
        MongoCollection<Document> sessions = mongo.getDatabase(properties.getMongoClientDatabase())
                .getCollection(COLLECTION);
        return new MongoWebSessions(sessions, timeout, Clock.systemUTC());
    }

    /**
     * Every call to MongoDB for a session is answered within {@link #ANSWER_WITHIN} (connection, server selection
     * and reply): a MongoDB down or hanging costs a browser that long at most, then {@link MongoWebSessions} serves
     * what it holds or a 503.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer answerWithin() {
        return settings -> settings.timeout(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * MongoDB in the gateway's health by a {@code ping}. Named like Spring Boot's own indicator, which backs off: it
     * lists the databases and asks each one, which the local stack's Mongo-wire server answers by reading all of
     * them (seconds, and a busy server for every service, at each health check).
     */
    @Bean
    ReactiveHealthIndicator mongoHealthIndicator(MongoClient mongo, MongoProperties properties) {
        String database = properties.getMongoClientDatabase();
        return () -> Mono.from(mongo.getDatabase(database).runCommand(new Document("ping", 1)))
                .map(answer -> Health.up().withDetail("database", database).build())
                .onErrorResume(e -> Mono.just(Health.down(e).build()));
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** The expired sessions removed every {@link #REMOVE_EXPIRED_EVERY}, the index that finds them made at start. */
    @Bean
    SmartLifecycle expiredSessionsRemoval(MongoWebSessions sessions) {
        return new SmartLifecycle() {

            private volatile Disposable removal;

            @Override
            public void start() {
                removal = sessions.indexExpiry()
                        .onErrorResume(e -> {
                            log.warn("Index on the sessions' expiry not made (MongoDB down?): {}", e.toString());
                            return Mono.empty();
                        })
                        .thenMany(Flux.interval(REMOVE_EXPIRED_EVERY, REMOVE_EXPIRED_EVERY))
                        .concatMap(tick -> sessions.removeExpired().onErrorResume(e -> {
                            log.warn("Expired sessions not removed this time: {}", e.toString());
                            return Mono.empty();
                        }))
                        .subscribe();
            }

            @Override
            public void stop() {
                removal.dispose();
            }

            @Override
            public boolean isRunning() {
                return removal != null && !removal.isDisposed();
            }
        };
    }
}
