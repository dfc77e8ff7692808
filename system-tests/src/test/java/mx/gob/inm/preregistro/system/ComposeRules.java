package mx.gob.inm.preregistro.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What docker-compose.yml must satisfy to run the same system as the local stack. Each method returns
 * readable problems, none when the rule holds, so a test can apply the rules both to the real file and to
 * a deliberately broken copy.
 */
final class ComposeRules {

    /** An application service: its compose name (= its module) and its port variable in ports.env. */
    record App(String name, String portKey, String gatewayUrlVariable) {

        /** The port variable of its {@code /actuator}: the gateway's is apart from its public port. */
        String managementPortKey() {
            return "gateway".equals(name) ? "GATEWAY_MANAGEMENT_PORT" : portKey;
        }
    }

    static final List<App> APPS = List.of(
            new App("gateway", "GATEWAY_PORT", null),
            new App("identity-service", "IDENTITY_PORT", "IDENTITY_SERVICE_URL"),
            new App("document-service", "DOCUMENT_PORT", "DOCUMENT_SERVICE_URL"),
            new App("preregistration-service", "PREREGISTRATION_PORT", "PREREGISTRATION_SERVICE_URL"),
            new App("fmme-service", "FMME_PORT", "FMME_SERVICE_URL"),
            new App("notification-service", "NOTIFICATION_PORT", "NOTIFICATION_SERVICE_URL"));

    static final List<String> INFRASTRUCTURE =
            List.of("kafka", "mongodb", "keycloak", "mailpit", "prometheus", "grafana");

    /** Host ports each infrastructure service must publish, by ports.env key. */
    static final Map<String, List<String>> INFRASTRUCTURE_PORTS = Map.of(
            "kafka", List.of("KAFKA_PORT"),
            "mongodb", List.of("MONGODB_PORT"),
            "keycloak", List.of("KEYCLOAK_PORT"),
            "mailpit", List.of("MAIL_API_PORT", "SMTP_PORT"),
            "prometheus", List.of("PROMETHEUS_PORT"));

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final Path root;
    private final Map<String, String> ports;
    private final Map<String, Object> compose;

    ComposeRules(Path root, Map<String, String> ports, Map<String, Object> compose) {
        this.root = root;
        this.ports = ports;
        this.compose = compose;
    }

    List<String> serviceProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = services(compose);
        for (String name : allServiceNames()) {
            if (!services.containsKey(name)) {
                problems.add("missing service " + name);
            }
        }
        services.forEach((name, definition) -> dependsOn(asMap(definition)).keySet().stream()
                .filter(dependency -> !services.containsKey(dependency))
                .forEach(dependency -> problems.add(name + " depends on unknown service " + dependency)));
        return problems;
    }

    List<String> portProblems() {
        List<String> problems = new ArrayList<>();
        for (App app : APPS) {
            String port = port(app.portKey());
            if (!publishedPorts(app.name()).contains(port + ":" + port)) {
                problems.add(app.name() + " must publish " + app.portKey() + " " + port + " as " + port + ":" + port
                        + ", publishes " + publishedPorts(app.name()));
            }
        }
        INFRASTRUCTURE_PORTS.forEach((service, keys) -> {
            for (String key : keys) {
                String port = port(key);
                if (publishedPorts(service).stream().noneMatch(mapping -> mapping.startsWith(port + ":"))) {
                    problems.add(service + " must publish " + key + " " + port + " on the host, publishes "
                            + publishedPorts(service));
                }
            }
        });
        if (!command("keycloak").contains("--http-port=" + port("KEYCLOAK_PORT"))) {
            problems.add("keycloak must listen on KEYCLOAK_PORT " + port("KEYCLOAK_PORT") + ": " + command("keycloak"));
        }
        String listeners = environment("kafka").getOrDefault("KAFKA_LISTENERS", "");
        if (!listeners.contains(":" + port("KAFKA_PORT")) || !listeners.contains(":" + port("KAFKA_CONTROLLER_PORT"))) {
            problems.add("kafka's listeners must use KAFKA_PORT and KAFKA_CONTROLLER_PORT: " + listeners);
        }
        String advertised = environment("kafka").getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        if (!advertised.contains("//kafka:" + port("KAFKA_PORT"))) {
            problems.add("kafka must advertise kafka:" + port("KAFKA_PORT") + " to the containers: " + advertised);
        }
        return problems;
    }

    List<String> domainEnvironmentProblems() {
        List<String> problems = new ArrayList<>();
        for (App app : domainApps()) {
            Map<String, String> environment = environment(app.name());
            expect(problems, app.name(), environment, "SERVER_PORT", port(app.portKey()));
            expect(problems, app.name(), environment, "BIND_ADDRESS", "0.0.0.0");
            expect(problems, app.name(), environment, "MONGODB_URI", "mongodb://mongodb:" + port("MONGODB_PORT"));
            expect(problems, app.name(), environment, "KAFKA_BOOTSTRAP_SERVERS", "kafka:" + port("KAFKA_PORT"));
            expect(problems, app.name(), environment, "KEYCLOAK_URL", keycloakUrl());
            expectPresent(problems, app.name(), environment, "PUBLIC_BASE_URL");
            expectPresent(problems, app.name(), environment, "JAVA_TOOL_OPTIONS");
        }
        for (String captcha : List.of("identity-service", "document-service")) {
            expect(problems, captcha, environment(captcha), "CAPTCHA_TEST_MODE", "false");
        }
        Map<String, String> notification = environment("notification-service");
        expect(problems, "notification-service", notification, "SMTP_HOST", "mailpit");
        String mailpitSmtp = containerPortPublishedAs("mailpit", port("SMTP_PORT"));
        expect(problems, "notification-service", notification, "SMTP_PORT", mailpitSmtp);
        String mailApi = containerPortPublishedAs("mailpit", port("MAIL_API_PORT"));
        expect(problems, "notification-service", notification, "MAIL_API_URL", "http://mailpit:" + mailApi);
        return problems;
    }

    List<String> gatewayProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, String> environment = environment("gateway");
        expect(problems, "gateway", environment, "GATEWAY_PORT", port("GATEWAY_PORT"));
        expect(problems, "gateway", environment, "BIND_ADDRESS", "0.0.0.0");
        expect(problems, "gateway", environment, "KEYCLOAK_URL", keycloakUrl());
        expect(problems, "gateway", environment, "MONGODB_URI", "mongodb://mongodb:" + port("MONGODB_PORT"));
        expectPresent(problems, "gateway", environment, "PUBLIC_BASE_URL");
        for (App app : domainApps()) {
            expect(problems, "gateway", environment, app.gatewayUrlVariable(),
                    "http://" + app.name() + ":" + port(app.portKey()));
        }
        return problems;
    }

    List<String> dependencyProblems() {
        List<String> problems = new ArrayList<>();
        for (App app : domainApps()) {
            for (String dependency : List.of("mongodb", "kafka", "keycloak")) {
                expectHealthyDependency(problems, app.name(), dependency);
            }
        }
        expectHealthyDependency(problems, "notification-service", "mailpit");
        expectHealthyDependency(problems, "gateway", "mongodb");
        expectHealthyDependency(problems, "gateway", "keycloak");
        for (App app : domainApps()) {
            expectHealthyDependency(problems, "gateway", app.name());
        }
        return problems;
    }

    List<String> buildProblems() {
        List<String> problems = new ArrayList<>();
        Path dockerfile = root.resolve("deploy/docker/Dockerfile");
        if (!Files.isRegularFile(dockerfile)) {
            return List.of("deploy/docker/Dockerfile does not exist");
        }
        String recipe = readText(dockerfile);
        for (String part : List.of("FROM maven:3-eclipse-temurin-17", "FROM eclipse-temurin:17-jre", "ARG MODULE",
                "-pl \"$MODULE\" -am package -DskipTests", "tesseract-ocr tesseract-ocr-eng")) {
            if (!recipe.contains(part)) {
                problems.add("deploy/docker/Dockerfile lacks " + part);
            }
        }
        String modules = readText(root.resolve("pom.xml"));
        for (App app : APPS) {
            Map<String, Object> build = asMap(service(compose, app.name()).get("build"));
            Path context = root.resolve(String.valueOf(build.getOrDefault("context", "."))).normalize();
            if (!context.equals(root)) {
                problems.add(app.name() + " must build from the repository root, builds from " + context);
            }
            if (!"deploy/docker/Dockerfile".equals(build.get("dockerfile"))) {
                problems.add(app.name() + " must build with deploy/docker/Dockerfile, uses " + build.get("dockerfile"));
            }
            String module = keyValues(build.get("args")).get("MODULE");
            if (!app.name().equals(module)) {
                problems.add(app.name() + " must build MODULE " + app.name() + ", builds MODULE " + module);
            } else if (!Files.isRegularFile(root.resolve(module).resolve("pom.xml"))
                    || !modules.contains("<module>" + module + "</module>")) {
                problems.add(app.name() + " builds MODULE " + module
                        + ", which is not a module of the root pom.xml with its own pom.xml");
            }
        }
        return problems;
    }

    List<String> healthcheckProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = services(compose);
        for (String name : allServiceNames()) {
            Map<String, Object> healthcheck = asMap(asMap(services.get(name)).get("healthcheck"));
            String test = String.valueOf(healthcheck.getOrDefault("test", ""));
            if (test.isBlank() || test.contains("NONE") || Boolean.TRUE.equals(healthcheck.get("disable"))) {
                problems.add(name + " has no healthcheck");
            }
        }
        for (App app : APPS) {
            String test = String.valueOf(asMap(service(compose, app.name()).get("healthcheck")).get("test"));
            String url = ":" + port(app.managementPortKey()) + "/actuator/health";
            if (services.containsKey(app.name()) && !test.equals("null") && !test.contains(url)) {
                problems.add(app.name() + "'s healthcheck must call " + url + ": " + test);
            }
        }
        return problems;
    }

    List<String> keycloakProblems() {
        List<String> problems = new ArrayList<>();
        String command = command("keycloak");
        for (String part : List.of("start-dev", "--import-realm")) {
            if (!command.contains(part)) {
                problems.add("keycloak's command lacks " + part + ": " + command);
            }
        }
        Path realmDirectory = root.resolve("deploy/keycloak");
        boolean mounted = volumes("keycloak").stream().anyMatch(volume -> volume.length >= 2
                && root.resolve(volume[0]).normalize().equals(realmDirectory)
                && volume[1].equals("/opt/keycloak/data/import"));
        if (!mounted || !Files.isDirectory(realmDirectory)) {
            problems.add("keycloak must mount the realm directory deploy/keycloak at /opt/keycloak/data/import");
        }
        Map<String, String> environment = environment("keycloak");
        for (String variable : List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
            expectPresent(problems, "keycloak", environment, variable);
        }
        for (String placeholder : realmPlaceholders(realmDirectory)) {
            if (environment.getOrDefault(placeholder, "").isBlank()) {
                problems.add("keycloak must set " + placeholder + ", a placeholder of the realm files in deploy/keycloak");
            }
        }
        return problems;
    }

    /**
     * Every variable named like a password or secret must come from the environment with no default
     * ({@code ${VAR:?message}} or {@code ${VAR}}), and .env.example must name that environment variable.
     */
    List<String> secretProblems(String envExample) {
        List<String> problems = new ArrayList<>();
        services(compose).forEach((service, definition) ->
                rawEnvironment(asMap(definition)).forEach((key, raw) -> {
                    if (!key.matches("(?i).*(PASSWORD|SECRET).*")) {
                        return;
                    }
                    Matcher matcher = VARIABLE.matcher(raw);
                    boolean fromVariable = matcher.matches()
                            && (matcher.group(2) == null || matcher.group(2).contains("?"));
                    if (!fromVariable) {
                        problems.add(service + "'s " + key + " must be ${VAR:?...} with no default, is " + raw);
                    } else if (!Pattern.compile("(?m)^#?\\s*" + matcher.group(1) + "=").matcher(envExample).find()) {
                        problems.add(".env.example does not document " + matcher.group(1) + " (" + service + "'s " + key + ")");
                    }
                }));
        return problems;
    }

    List<String> prometheusProblems(Map<String, Object> configuration,
            Function<App, String> host) {
        List<String> problems = new ArrayList<>();
        List<Object> jobs = asList(configuration.get("scrape_configs"));
        for (App app : APPS) {
            String target = host.apply(app) + ":" + port(app.managementPortKey());
            boolean scraped = jobs.stream().map(ComposeRules::asMap)
                    .filter(job -> "/actuator/prometheus".equals(job.get("metrics_path")))
                    .flatMap(job -> asList(job.get("static_configs")).stream())
                    .flatMap(staticConfig -> asList(asMap(staticConfig).get("targets")).stream())
                    .anyMatch(target::equals);
            if (!scraped) {
                problems.add("no job scrapes /actuator/prometheus of " + target);
            }
        }
        return problems;
    }

    List<String> monitoringMountProblems() {
        List<String> problems = new ArrayList<>();
        expectMount(problems, "prometheus", "deploy/prometheus/prometheus.yml", "/etc/prometheus/prometheus.yml");
        expectMount(problems, "grafana", "deploy/grafana/provisioning", "/etc/grafana/provisioning");
        expectMount(problems, "grafana", "deploy/grafana/dashboards", "/var/lib/grafana/dashboards");
        String datasource = readText(root.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
        String prometheusPort = containerPortPublishedAs("prometheus", port("PROMETHEUS_PORT"));
        if (!datasource.contains("http://prometheus:" + prometheusPort)) {
            problems.add("Grafana's datasource must point at http://prometheus:" + prometheusPort);
        }
        return problems;
    }

    // ---------------------------------------------------------- reading the model

    /** The ${VAR} placeholders Keycloak substitutes from its environment when it imports the realm files. */
    private static List<String> realmPlaceholders(Path realmDirectory) {
        if (!Files.isDirectory(realmDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(realmDirectory)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .flatMap(file -> VARIABLE.matcher(readText(file)).results().map(match -> match.group(1)))
                    .distinct().sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + realmDirectory, e);
        }
    }

    private static List<String> allServiceNames() {
        List<String> names = new ArrayList<>(APPS.stream().map(App::name).toList());
        names.addAll(INFRASTRUCTURE);
        return names;
    }

    private static List<App> domainApps() {
        return APPS.stream().filter(app -> app.gatewayUrlVariable() != null).toList();
    }

    private String port(String key) {
        String value = ports.get(key);
        if (value == null) {
            throw new IllegalStateException("deploy/local-stack/ports.env has no " + key);
        }
        return value;
    }

    private String keycloakUrl() {
        return "http://keycloak:" + port("KEYCLOAK_PORT");
    }

    private Map<String, String> rawEnvironment(Map<String, Object> service) {
        return keyValues(service.get("environment"));
    }

    /** The service's environment as compose resolves it with no .env. */
    private Map<String, String> environment(String service) {
        Map<String, String> resolved = new LinkedHashMap<>();
        rawEnvironment(service(compose, service)).forEach((key, value) -> resolved.put(key, resolve(value)));
        return resolved;
    }

    private String command(String service) {
        Object command = service(compose, service).get("command");
        if (command instanceof List<?> parts) {
            return parts.stream().map(String::valueOf).map(ComposeRules::resolve).collect(Collectors.joining(" "));
        }
        return command == null ? "" : resolve(String.valueOf(command));
    }

    /** Published ports as "host:container" (host address and protocol left out). */
    private List<String> publishedPorts(String service) {
        List<String> mappings = new ArrayList<>();
        for (Object entry : asList(service(compose, service).get("ports"))) {
            if (entry instanceof Map<?, ?> longSyntax) {
                mappings.add(resolve(String.valueOf(longSyntax.get("published"))) + ":"
                        + resolve(String.valueOf(longSyntax.get("target"))));
                continue;
            }
            String[] parts = resolve(String.valueOf(entry)).replaceFirst("/(tcp|udp)$", "").split(":");
            if (parts.length >= 2) {
                mappings.add(parts[parts.length - 2] + ":" + parts[parts.length - 1]);
            }
        }
        return mappings;
    }

    private String containerPortPublishedAs(String service, String hostPort) {
        return publishedPorts(service).stream()
                .filter(mapping -> mapping.startsWith(hostPort + ":"))
                .map(mapping -> mapping.substring(mapping.indexOf(':') + 1))
                .findFirst().orElse("<" + service + " does not publish " + hostPort + ">");
    }

    /** Bind mounts and volumes as [source, target, options...]. */
    private List<String[]> volumes(String service) {
        return asList(service(compose, service).get("volumes")).stream()
                .map(volume -> volume instanceof Map<?, ?> longSyntax
                        ? new String[] {String.valueOf(longSyntax.get("source")), String.valueOf(longSyntax.get("target"))}
                        : resolve(String.valueOf(volume)).split(":"))
                .toList();
    }

    private static Map<String, Object> dependsOn(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        Map<String, Object> dependencies = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> names) {
            names.forEach(name -> dependencies.put(String.valueOf(name), Map.of("condition", "service_started")));
        } else if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((name, condition) -> dependencies.put(String.valueOf(name), condition));
        }
        return dependencies;
    }

    private void expect(List<String> problems, String service, Map<String, String> environment, String variable,
            String expected) {
        String actual = environment.get(variable);
        if (!expected.equals(actual)) {
            problems.add(service + ": " + variable + " must be " + expected + ", is " + actual);
        }
    }

    private void expectPresent(List<String> problems, String service, Map<String, String> environment,
            String variable) {
        if (environment.getOrDefault(variable, "").isBlank()) {
            problems.add(service + ": " + variable + " is not set");
        }
    }

    private void expectHealthyDependency(List<String> problems, String service, String dependency) {
        Object condition = asMap(dependsOn(service(compose, service)).get(dependency)).get("condition");
        if (!"service_healthy".equals(condition)) {
            problems.add(service + " must depend on " + dependency + " with condition service_healthy, has " + condition);
        }
    }

    private void expectMount(List<String> problems, String service, String source, String target) {
        Path expected = root.resolve(source).normalize();
        boolean mounted = volumes(service).stream().anyMatch(volume -> volume.length >= 2
                && root.resolve(volume[0]).normalize().equals(expected) && volume[1].equals(target));
        if (!mounted || !Files.exists(expected)) {
            problems.add(service + " must mount " + source + " at " + target);
        }
    }

    /** ${VAR:-default} and ${VAR-default} become the default; ${VAR}, ${VAR:?msg} stay as ${VAR}. */
    static String resolve(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String operator = matcher.group(2);
            String replacement = operator != null && operator.endsWith("-")
                    ? matcher.group(3)
                    : "${" + matcher.group(1) + "}";
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString().replace("$$", "$");
    }

    /** The map and the list ("KEY=value") forms of environment and build args. */
    static Map<String, String> keyValues(Object entries) {
        Map<String, String> values = new LinkedHashMap<>();
        if (entries instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (entries instanceof List<?> list) {
            for (Object entry : list) {
                String[] keyValue = String.valueOf(entry).split("=", 2);
                values.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    static Map<String, Object> services(Map<String, Object> model) {
        return asMap(model.get("services"));
    }

    static Map<String, Object> service(Map<String, Object> model, String name) {
        return asMap(services(model).get(name));
    }

    static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
