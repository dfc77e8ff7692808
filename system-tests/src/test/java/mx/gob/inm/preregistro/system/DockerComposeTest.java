package mx.gob.inm.preregistro.system;

import static mx.gob.inm.preregistro.system.ComposeRules.readText;
import static mx.gob.inm.preregistro.system.ComposeRules.service;
import static mx.gob.inm.preregistro.system.ComposeRules.services;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import mx.gob.inm.preregistro.testing.RepositoryRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import mx.gob.inm.preregistro.system.ComposeRules.App;

/**
 * There is no Docker engine where the build runs, so {@code docker-compose.yml} cannot be started
 * here. This test proves it consistent instead: with the local stack's ports
 * ({@code deploy/local-stack/ports.env}), with the modules it builds, with the shared Dockerfile and
 * with Prometheus' scrape configuration. Values are read as {@code docker compose} would resolve
 * them with no {@code .env}: {@code ${VAR:-default}} becomes its default.
 */
@DisplayName("docker-compose.yml: the same system as the local stack, on real images")
class DockerComposeTest {

    static Path root;
    static Map<String, String> ports;
    static Map<String, Object> compose;
    static Map<String, Object> prometheus;
    static Map<String, Object> prometheusLocal;

    @BeforeAll
    static void readFiles() throws IOException {
        root = RepositoryRoot.find();
        ports = readPortsEnv(root.resolve("deploy/local-stack/ports.env"));
        compose = readYaml(root.resolve("docker-compose.yml"));
        prometheus = readYaml(root.resolve("deploy/prometheus/prometheus.yml"));
        prometheusLocal = readYaml(root.resolve("deploy/prometheus/prometheus-local.yml"));
    }

    ComposeRules rules() {
        return new ComposeRules(root, ports, compose);
    }

    @Test
    @DisplayName("declares the six applications and Kafka, MongoDB, Keycloak, Mailpit, Prometheus and Grafana, "
            + "and every depends_on names one of them")
    void declaresEveryService() {
        assertNoProblems(rules().serviceProblems());
    }

    @Test
    @DisplayName("publishes each component on its ports.env port (applications listen on it inside the container too)")
    void usesThePortsOfTheLocalStack() {
        assertNoProblems(rules().portProblems());
    }

    @Test
    @DisplayName("gives every domain service SERVER_PORT, BIND_ADDRESS, MONGODB_URI, KAFKA_BOOTSTRAP_SERVERS and "
            + "KEYCLOAK_URL pointing at the compose services, and notification-service Mailpit's SMTP")
    void configuresDomainServicesLikeTheLauncher() {
        assertNoProblems(rules().domainEnvironmentProblems());
    }

    @Test
    @DisplayName("points the gateway's *_SERVICE_URL variables at the right service name and port")
    void routesTheGatewayToEveryService() {
        assertNoProblems(rules().gatewayProblems());
    }

    @Test
    @DisplayName("starts services only after MongoDB, Kafka, Keycloak (and Mailpit, the services) report healthy")
    void waitsForHealthyDependencies() {
        assertNoProblems(rules().dependencyProblems());
    }

    @Test
    @DisplayName("builds every application with deploy/docker/Dockerfile and MODULE = an existing module with a pom.xml")
    void buildsEachModuleWithTheSharedDockerfile() {
        assertNoProblems(rules().buildProblems());
    }

    @Test
    @DisplayName("has a healthcheck on every service; applications probe /actuator/health on their own port")
    void checksTheHealthOfEveryService() {
        assertNoProblems(rules().healthcheckProblems());
    }

    @Test
    @DisplayName("imports the realm from deploy/keycloak with every placeholder it uses set, and takes admin and "
            + "client secrets from variables without defaults")
    void importsTheRealmWithoutFixedSecrets() {
        List<String> problems = new ArrayList<>(rules().keycloakProblems());
        problems.addAll(rules().secretProblems(readText(root.resolve(".env.example"))));
        assertNoProblems(problems);
    }

    @Test
    @DisplayName("Prometheus scrapes /actuator/prometheus of every application, by compose name and, "
            + "in prometheus-local.yml, on 127.0.0.1; Grafana is provisioned with it")
    void monitorsEveryApplication() {
        List<String> problems = new ArrayList<>(rules().prometheusProblems(prometheus, app -> app.name()));
        problems.addAll(rules().prometheusProblems(prometheusLocal, app -> "127.0.0.1"));
        problems.addAll(rules().monitoringMountProblems());
        assertNoProblems(problems);
    }

    @Nested
    @DisplayName("the checks catch a broken compose file")
    class ChecksCatchMistakes {

        @Test
        @DisplayName("a compose file without Kafka is reported, with the services that depend on it")
        void missingServiceIsReported() {
            Map<String, Object> broken = copyOfCompose();
            services(broken).remove("kafka");

            List<String> problems = new ComposeRules(root, ports, broken).serviceProblems();

            assertThat(problems)
                    .anyMatch(p -> p.contains("missing service kafka"))
                    .anyMatch(p -> p.contains("identity-service depends on unknown service kafka"));
        }

        @Test
        @DisplayName("a gateway route to the wrong port is reported")
        void wrongGatewayUrlIsReported() {
            Map<String, Object> broken = copyOfCompose();
            environmentOf(broken, "gateway").put("DOCUMENT_SERVICE_URL", "http://document-service:8083");

            assertThat(new ComposeRules(root, ports, broken).gatewayProblems())
                    .singleElement().asString().contains("DOCUMENT_SERVICE_URL");
        }

        @Test
        @DisplayName("a service without healthcheck and a build of a module that does not exist are reported")
        void missingHealthcheckAndUnknownModuleAreReported() {
            Map<String, Object> broken = copyOfCompose();
            service(broken, "fmme-service").remove("healthcheck");
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) service(broken, "fmme-service").get("build");
            build.put("args", Map.of("MODULE", "fmme"));

            ComposeRules rules = new ComposeRules(root, ports, broken);

            assertThat(rules.healthcheckProblems()).singleElement().asString().contains("fmme-service");
            assertThat(rules.buildProblems()).anyMatch(p -> p.contains("fmme-service") && p.contains("MODULE"));
        }

        @Test
        @DisplayName("a secret with a fixed default value is reported")
        void fixedSecretIsReported() {
            Map<String, Object> broken = copyOfCompose();
            environmentOf(broken, "keycloak").put("KC_BOOTSTRAP_ADMIN_PASSWORD", "${KEYCLOAK_ADMIN_PASSWORD:-admin}");

            assertThat(new ComposeRules(root, ports, broken).secretProblems(readText(root.resolve(".env.example"))))
                    .singleElement().asString().contains("KC_BOOTSTRAP_ADMIN_PASSWORD");
        }

        @Test
        @DisplayName("a Prometheus configuration without the fmme-service job is reported")
        void missingScrapeJobIsReported() {
            @SuppressWarnings("unchecked")
            Map<String, Object> broken = (Map<String, Object>) deepCopy(prometheus);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> jobs = (List<Map<String, Object>>) broken.get("scrape_configs");
            jobs.removeIf(job -> "fmme-service".equals(job.get("job_name")));

            assertThat(rules().prometheusProblems(broken, App::name))
                    .singleElement().asString().contains("fmme-service:8084");
        }

        private Map<String, Object> copyOfCompose() {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = (Map<String, Object>) deepCopy(compose);
            return copy;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> environmentOf(Map<String, Object> model, String service) {
            return (Map<String, Object>) service(model, service).get("environment");
        }
    }

    static Map<String, String> readPortsEnv(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.forEach((key, value) -> values.put(String.valueOf(key).trim(), String.valueOf(value).trim()));
        return values;
    }

    static Map<String, Object> readYaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> model = new Yaml().load(reader);
            assertThat(model).as(file + " is a YAML mapping").isNotNull();
            return model;
        }
    }

    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, entry) -> copy.put(String.valueOf(key), deepCopy(entry)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(entry -> copy.add(deepCopy(entry)));
            return copy;
        }
        return value;
    }

    static void assertNoProblems(List<String> problems) {
        assertThat(problems).as("problems found").isEmpty();
    }
}
