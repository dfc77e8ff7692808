package mx.gob.inm.preregistro.testing;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of one service side by side in this test JVM, started with the same arguments (the same database and
 * consumer groups, each its own port): for tests that prove a second instance does no double work. Closing stops the
 * second, then the first.
 */
public final class TwoInstances implements AutoCloseable {

    private final ConfigurableApplicationContext first;
    private final ConfigurableApplicationContext second;

    private TwoInstances(ConfigurableApplicationContext first, ConfigurableApplicationContext second) {
        this.first = first;
        this.second = second;
    }

    /** Starts {@code application} twice with {@code args}; if the second does not start, the first is stopped. */
    public static TwoInstances start(Class<?> application, String... args) {
        ConfigurableApplicationContext first = new SpringApplicationBuilder(application).run(args);
        try {
            return new TwoInstances(first, new SpringApplicationBuilder(application).run(args));
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
    }

    public ConfigurableApplicationContext first() {
        return first;
    }

    public ConfigurableApplicationContext second() {
        return second;
    }

    @Override
    public void close() {
        second.close();
        first.close();
    }
}
