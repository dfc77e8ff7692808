package mx.gob.inm.preregistro.preregistration;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The service's real {@code application.yml} bound as at start-up, for the tests that need no Spring context. */
public final class ConfiguredProperties {

    private ConfiguredProperties() {
    }

    public static PreRegistrationProperties load() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            // the placeholders resolved as at start-up: ${SUBMISSIONS_PER_DAY:20} takes its default
            return new Binder(ConfigurationPropertySources.get(environment),
                    new PropertySourcesPlaceholdersResolver(environment))
                    .bind("preregistro.preregistration", PreRegistrationProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
