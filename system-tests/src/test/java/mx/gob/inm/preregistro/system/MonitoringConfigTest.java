package mx.gob.inm.preregistro.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.contracts.Topics;
import mx.gob.inm.preregistro.contracts.identity.AccountRegistered;
import mx.gob.inm.preregistro.testing.RepositoryRoot;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring and deployment files are configuration nobody compiles: a typo in a PromQL expression, a
 * dashboard panel without a query or a Deployment without probes would only show in production. This test reads
 * them without a running stack: Prometheus' configuration and alert rules (also through {@code promtool} when the
 * Debian package {@code prometheus} is installed), every Grafana dashboard, {@code deploy/grafana/METRICS.md}, and
 * the Kubernetes manifests. {@link #referencedMetricNames()} is the set of metric names the dashboards and alerts
 * query; {@link LiveScrape} (the only part that starts the stack) compares it with what the running services export.
 */
@DisplayName("R-OPS-3 monitoring and deployment configuration: Prometheus, alerts, Grafana, Kubernetes")
class MonitoringConfigTest {

    static final List<String> SERVICES = List.of("gateway", "identity-service", "document-service",
            "preregistration-service", "fmme-service", "notification-service");

    static final Set<String> SECRET_KEYS = Set.of("MONGODB_URI", "GATEWAY_CLIENT_SECRET", "IDENTITY_CLIENT_SECRET",
            "CAPTCHA_SECRET", "FMME_SIGNING_KEY");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static Path root() {
        return RepositoryRoot.find();
    }

    static Path prometheusDir() {
        return root().resolve("deploy/prometheus");
    }

    static List<Path> dashboards() {
        return list(root().resolve("deploy/grafana/dashboards"), ".json");
    }

    /** Every metric name that a dashboard (panels and variables) or an alert rule queries. */
    static Set<String> referencedMetricNames() {
        Set<String> names = new TreeSet<>();
        alertRules(readYaml(prometheusDir().resolve("alerts.yml")))
                .forEach(rule -> names.addAll(Promql.metricNames(String.valueOf(rule.get("expr")))));
        for (Path dashboard : dashboards()) {
            names.addAll(Dashboards.metricNames(readJson(dashboard)));
        }
        return names;
    }

    // ---------------------------------------------------------------- Prometheus

    @Nested
    @DisplayName("Prometheus")
    class Prometheus {

        @Test
        @DisplayName("both configurations scrape every service's /actuator/prometheus with a service label and "
                + "load alerts.yml")
        void configurationsScrapeEveryService() {
            assertThat(Rules.scrapeProblems(readYaml(prometheusDir().resolve("prometheus.yml")), false)).isEmpty();
            assertThat(Rules.scrapeProblems(readYaml(prometheusDir().resolve("prometheus-local.yml")), true))
                    .isEmpty();
        }

        @Test
        @DisplayName("alerts.yml has the alerts operators need, each with an expression, a severity and a summary")
        void alertRulesAreComplete() {
            Map<String, Object> alerts = readYaml(prometheusDir().resolve("alerts.yml"));

            assertThat(Rules.alertProblems(alerts)).isEmpty();
            assertThat(alertRules(alerts)).extracting(rule -> rule.get("alert")).contains("ServiceDown",
                    "HttpServerErrorRate", "EmailFailureRate", "KafkaConsumerLag", "OutboxEventsStuck");
            assertThat(referencedMetricNames()).contains("up", "http_server_requests_seconds_count",
                    "preregistro_notifications_failed_total", "preregistro_notifications_sent_total",
                    "kafka_consumer_fetch_manager_records_lag_max", "preregistro_outbox_oldest_age_seconds");
        }

        @Test
        @DisplayName("promtool accepts both configurations and the rules")
        void promtoolAcceptsConfigurationAndRules() {
            assumePromtool();
            for (String file : List.of("prometheus.yml", "prometheus-local.yml")) {
                Promtool result = Promtool.run("check", "config", prometheusDir().resolve(file).toString());
                assertThat(result.exitCode()).as(result.output()).isZero();
            }
            Promtool rules = Promtool.run("check", "rules", prometheusDir().resolve("alerts.yml").toString());
            assertThat(rules.exitCode()).as(rules.output()).isZero();
            assertThat(rules.output()).contains("SUCCESS");
        }

        @Test
        @DisplayName("promtool rejects a rule with a broken expression (the check above can fail)")
        void promtoolRejectsABrokenRule() throws IOException {
            assumePromtool();
            Path broken = Files.createTempFile("alerts-broken", ".yml");
            try {
                Files.writeString(broken, """
                        groups:
                          - name: broken
                            rules:
                              - alert: Broken
                                expr: sum by (service (up)
                        """);
                Promtool result = Promtool.run("check", "rules", broken.toString());
                assertThat(result.exitCode()).as(result.output()).isNotZero();
            } finally {
                Files.deleteIfExists(broken);
            }
        }
    }

    // ---------------------------------------------------------------- Grafana

    @Nested
    @DisplayName("Grafana")
    class Grafana {

        @Test
        @DisplayName("the dashboards cover traveller flow, OCR, e-mail, Kafka and services' health, each one "
                + "well-formed with a query in every panel")
        void dashboardsAreWellFormed() {
            Set<String> uids = new HashSet<>();
            List<String> problems = new ArrayList<>();
            for (Path file : dashboards()) {
                JsonNode dashboard = readJson(file);
                problems.addAll(Dashboards.problems(file.getFileName().toString(), dashboard));
                if (!uids.add(dashboard.path("uid").asString(""))) {
                    problems.add(file.getFileName() + ": uid " + dashboard.path("uid") + " is used twice");
                }
            }
            assertThat(problems).isEmpty();
            assertThat(dashboards()).extracting(file -> file.getFileName().toString()).contains(
                    "traveller-flow.json", "ocr.json", "email.json", "kafka.json", "overview.json");
        }

        @Test
        @DisplayName("the provisioning names the datasource uid the dashboards use and loads the mounted folder")
        void provisioningMatchesTheDashboards() {
            Map<String, Object> datasources =
                    readYaml(root().resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
            List<Object> list = asList(datasources.get("datasources"));
            assertThat(list).extracting(entry -> asMap(entry).get("uid")).containsExactly(Dashboards.DATASOURCE_UID);
            Map<String, Object> providers =
                    readYaml(root().resolve("deploy/grafana/provisioning/dashboards/dashboards.yml"));
            assertThat(asList(providers.get("providers")))
                    .extracting(entry -> asMap(asMap(entry).get("options")).get("path"))
                    .containsExactly("/var/lib/grafana/dashboards");
        }

        @Test
        @DisplayName("deploy/grafana/METRICS.md lists exactly the metrics the dashboards and alerts query")
        void metricListMatchesTheFiles() {
            Set<String> listed = MetricList.names(readText(root().resolve("deploy/grafana/METRICS.md")));

            assertThat(listed).as("listed in METRICS.md").isEqualTo(referencedMetricNames());
        }

        @Test
        @DisplayName("a panel without a query and a broken dashboard are reported")
        void brokenDashboardsAreReported() {
            JsonNode panelWithoutQuery = JSON.readTree("""
                    {"uid": "x", "title": "x", "panels": [
                      {"id": 1, "type": "timeseries", "title": "empty", "gridPos": {"h": 8, "w": 12, "x": 0, "y": 0},
                       "datasource": {"type": "prometheus", "uid": "prometheus"}, "targets": [{"refId": "A", "expr": " "}]}]}
                    """);

            assertThat(Dashboards.problems("x.json", panelWithoutQuery)).singleElement().asString()
                    .contains("empty").contains("no query");
            assertThat(Dashboards.problems("y.json", JSON.readTree("{\"title\": \"no panels\"}")))
                    .anyMatch(p -> p.contains("uid")).anyMatch(p -> p.contains("no panels"));
        }

        @Test
        @DisplayName("metric names are read from PromQL without functions, labels, durations or keywords")
        void readsMetricNamesFromPromql() {
            assertThat(Promql.metricNames("sum by (service, kind) (rate(preregistro_notifications_failed_total"
                    + "{kind=~\"FMME|ACTIVATION\", service!=\"x\"}[$__rate_interval])) / on (service) group_left "
                    + "max(up offset 5m) > 0.1 and histogram_quantile(0.95, sum by (le) (rate(a_bucket[5m])))"))
                    .containsExactlyInAnyOrder("preregistro_notifications_failed_total", "up", "a_bucket");
        }

        @Test
        @DisplayName("a scraped name no service exports is reported; Prometheus' own series and the suffixes of an "
                + "exported family are not")
        void scrapeReportsMissingNames() {
            Scrape.Exposition exported = Scrape.Exposition.parse("""
                    # HELP preregistro_notifications_seconds one e-mail
                    # TYPE preregistro_notifications_seconds summary
                    preregistro_notifications_seconds_count{service="notification-service"} 3
                    # TYPE http_server_requests_seconds_max gauge
                    http_server_requests_seconds_max{uri="/"} 0.1
                    """);
            Set<String> wanted = Scrape.required(Set.of("up", "preregistro_notifications_seconds_count",
                    "preregistro_notifications_seconds_sum", "http_server_requests_seconds_max",
                    "preregistro_typo_total"));

            assertThat(wanted).doesNotContain("up");
            assertThat(Scrape.missing(wanted, exported)).containsExactly("preregistro_typo_total");
        }
    }

    // ---------------------------------------------------------------- live scrape

    /**
     * Issue #8: "a test scrapes the running services and fails if a dashboard or alert queries a metric that no
     * service exports". The stack runs ({@code ./preregistro up}); a traveller goes through the flow (account, passport,
     * approved pre-registration, FMME) and one event arrives twice, so the meters that exist only after their event
     * are there too; then every service's {@code /actuator/prometheus} is read.
     */
    @Nested
    @ExtendWith(RunningStack.class)
    @DisplayName("live scrape")
    class LiveScrape {

        private final LocalStack stack = RunningStack.stack();
        private final HttpClient http = HttpClient.newHttpClient();

        @Test
        @DisplayName("after a traveller's approved pre-registration, every metric a dashboard or an alert queries is "
                + "exported by a running service")
        void everyQueriedMetricIsExported() throws Exception {
            TravellerSession traveller = TravellerSession.registered(stack, "Mónica", "Viajera#2026");
            String documentId = TravellerJourneyTest.registerPassport(traveller,
                    "PM" + (1_000_000 + new Random().nextInt(8_999_999)));
            TravellerJourneyTest.approvedPreRegistration(traveller, documentId, LocalDate.now().plusDays(20));
            deliverTwice();

            Set<String> wanted = Scrape.required(referencedMetricNames());
            Instant deadline = Instant.now().plusSeconds(90);
            Set<String> missing = Scrape.missing(wanted, scrapeAll());
            while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(2000);   // outbox relays and consumers are asynchronous
                missing = Scrape.missing(wanted, scrapeAll());
            }

            assertThat(missing).as("queried by deploy/grafana or deploy/prometheus but exported by no service")
                    .isEmpty();
            assertThat(wanted).as("the check covers the flow's own metrics").contains(
                    "preregistro_preregistrations_submitted_total", "preregistro_preregistrations_decided_total",
                    "http_server_requests_seconds_count", "preregistro_outbox_relay_failures_total");
        }

        /** An AccountRegistered delivered twice: handled once, and counted as a duplicate by its consumers. */
        private void deliverTwice() throws Exception {
            EventEnvelope<AccountRegistered> registered = EventEnvelope.of(new AccountRegistered(
                    UUID.randomUUID().toString(), "metricas." + UUID.randomUUID() + "@example.co", "Mónica", "Gómez",
                    Language.es, stack.url("GATEWAY_PORT") + "/#/cuenta/activar?token=t1",
                    Instant.now().plus(Duration.ofHours(72))), null, null, Clock.systemUTC());
            String value = JSON.writeValueAsString(registered);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + stack.port("KAFKA_PORT")),
                    new StringSerializer(), new StringSerializer())) {
                for (int delivery = 0; delivery < 2; delivery++) {
                    producer.send(new ProducerRecord<>(Topics.IDENTITY_ACCOUNTS, registered.key(), value)).get();
                }
            }
        }

        private Scrape.Exposition scrapeAll() throws Exception {
            StringBuilder all = new StringBuilder();
            for (String service : SERVICES) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(stack.url(Scrape.PORT_OF.get(service)) + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
                all.append(response.body()).append('\n');
            }
            return Scrape.Exposition.parse(all.toString());
        }
    }

    // ---------------------------------------------------------------- Kubernetes

    @Nested
    @DisplayName("Kubernetes")
    class Kubernetes {

        @Test
        @DisplayName("every manifest parses and the kustomization lists existing files")
        void manifestsParse() {
            Path base = root().resolve("deploy/k8s/base");
            Map<String, Object> kustomization = readYaml(base.resolve("kustomization.yaml"));
            List<String> problems = new ArrayList<>();
            for (Object resource : asList(kustomization.get("resources"))) {
                if (!Files.isRegularFile(base.resolve(String.valueOf(resource)))) {
                    problems.add("kustomization lists missing " + resource);
                }
            }
            for (Path file : list(base, ".yaml")) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    continue;
                }
                if (!asList(kustomization.get("resources")).contains(file.getFileName().toString())) {
                    problems.add(file.getFileName() + " is not listed in kustomization.yaml");
                }
                for (Map<String, Object> document : Manifests.documents(file)) {
                    if (document.get("apiVersion") == null || document.get("kind") == null
                            || asMap(document.get("metadata")).get("name") == null) {
                        problems.add(file.getFileName() + ": a document without apiVersion, kind or metadata.name");
                    }
                }
            }
            assertThat(problems).isEmpty();
        }

        @Test
        @DisplayName("R-SEC each of the six services has a Deployment with probes and resources, a Service, an HPA "
                + "and a PodDisruptionBudget, and reads only the shared ConfigMap and Secret; the gateway's probes and "
                + "metrics on a port its Service does not expose")
        void everyServiceIsDeployable() {
            Manifests manifests = Manifests.of(root().resolve("deploy/k8s/base"));

            assertThat(manifests.problems(SERVICES)).isEmpty();
        }

        @Test
        @DisplayName("a Deployment without readiness probe, an HPA for an unknown Deployment and the gateway probed on its public port are reported")
        void brokenManifestsAreReported() {
            Manifests manifests = Manifests.of(root().resolve("deploy/k8s/base"));
            Map<String, Object> container = manifests.container("fmme-service");
            container.remove("readinessProbe");
            asMap(asMap(manifests.byKind("HorizontalPodAutoscaler", "gateway").get("spec"))
                    .get("scaleTargetRef")).put("name", "gatewai");
            asMap(asMap(manifests.container("gateway").get("livenessProbe")).get("httpGet")).put("port", "http");

            assertThat(manifests.problems(SERVICES))
                    .anyMatch(p -> p.contains("fmme-service") && p.contains("readiness"))
                    .anyMatch(p -> p.contains("gatewai"))
                    .anyMatch(p -> p.contains("gateway: livenessProbe must use the management port"));
        }
    }

    // ================================================================ the rules, as functions returning problems

    /** Prometheus configuration and alert rules. */
    static final class Rules {

        /** Where each is scraped: its own port, the gateway's management port (its public one has no metrics). */
        private static final Map<String, Integer> PORTS = Map.of("gateway", 8090, "identity-service", 8081,
                "document-service", 8082, "preregistration-service", 8083, "fmme-service", 8084,
                "notification-service", 8085);

        static List<String> scrapeProblems(Map<String, Object> configuration, boolean local) {
            List<String> problems = new ArrayList<>();
            if (!asList(configuration.get("rule_files")).contains("alerts.yml")) {
                problems.add("rule_files must load alerts.yml");
            }
            Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
            asList(configuration.get("scrape_configs"))
                    .forEach(job -> jobs.put(String.valueOf(asMap(job).get("job_name")), asMap(job)));
            for (String service : SERVICES) {
                Map<String, Object> job = jobs.get(service);
                String target = (local ? "127.0.0.1" : service) + ":" + PORTS.get(service);
                if (job == null) {
                    problems.add("no job " + service);
                    continue;
                }
                if (!"/actuator/prometheus".equals(job.get("metrics_path"))) {
                    problems.add(service + ": metrics_path must be /actuator/prometheus");
                }
                List<Object> staticConfigs = asList(job.get("static_configs"));
                boolean labelled = staticConfigs.stream().map(MonitoringConfigTest::asMap)
                        .anyMatch(config -> asList(config.get("targets")).contains(target)
                                && service.equals(asMap(config.get("labels")).get("service")));
                if (!labelled) {
                    problems.add(service + ": target " + target + " with label service=" + service + " missing");
                }
            }
            return problems;
        }

        static List<String> alertProblems(Map<String, Object> alerts) {
            List<String> problems = new ArrayList<>();
            Set<String> names = new HashSet<>();
            List<Map<String, Object>> rules = alertRules(alerts);
            if (rules.isEmpty()) {
                problems.add("no alert rules");
            }
            for (Map<String, Object> rule : rules) {
                String name = String.valueOf(rule.get("alert"));
                if (!names.add(name)) {
                    problems.add(name + " is defined twice");
                }
                if (String.valueOf(rule.getOrDefault("expr", "")).isBlank()) {
                    problems.add(name + ": no expr");
                }
                if (asMap(rule.get("labels")).get("severity") == null) {
                    problems.add(name + ": no severity label");
                }
                if (asMap(rule.get("annotations")).get("summary") == null) {
                    problems.add(name + ": no summary annotation");
                }
            }
            return problems;
        }
    }

    /** Grafana dashboard JSON. */
    static final class Dashboards {

        static final String DATASOURCE_UID = "prometheus";

        private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

        static List<String> problems(String file, JsonNode dashboard) {
            List<String> problems = new ArrayList<>();
            for (String field : List.of("uid", "title")) {
                if (dashboard.path(field).asString("").isBlank()) {
                    problems.add(file + ": no " + field);
                }
            }
            List<JsonNode> panels = panels(dashboard);
            if (panels.stream().noneMatch(panel -> !"row".equals(panel.path("type").asString("")))) {
                problems.add(file + ": no panels");
            }
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : panels) {
                String title = file + " panel '" + panel.path("title").asString("?") + "'";
                if (!ids.add(panel.path("id").asInt(-1))) {
                    problems.add(title + ": id missing or used twice");
                }
                if (!panel.path("gridPos").has("w") || !panel.path("gridPos").has("h")) {
                    problems.add(title + ": no gridPos");
                }
                if ("row".equals(panel.path("type").asString(""))) {
                    continue;
                }
                if (!DATASOURCE_UID.equals(panel.path("datasource").path("uid").asString(""))) {
                    problems.add(title + ": datasource must be uid " + DATASOURCE_UID);
                }
                List<String> queries = new ArrayList<>();
                panel.path("targets").forEach(target -> queries.add(target.path("expr").asString("")));
                if (queries.isEmpty() || queries.stream().anyMatch(String::isBlank)) {
                    problems.add(title + ": no query in a target");
                }
                for (String query : queries) {
                    if (!query.isBlank() && Promql.metricNames(query).isEmpty()) {
                        problems.add(title + ": query names no metric: " + query);
                    }
                }
            }
            return problems;
        }

        static Set<String> metricNames(JsonNode dashboard) {
            Set<String> names = new TreeSet<>();
            for (JsonNode panel : panels(dashboard)) {
                panel.path("targets").forEach(target -> names.addAll(Promql.metricNames(target.path("expr").asString(""))));
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                Matcher matcher = LABEL_VALUES.matcher(variable.path("definition").asString(""));
                if (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
            return names;
        }

        /** Top-level panels and those inside collapsed rows. */
        private static List<JsonNode> panels(JsonNode dashboard) {
            List<JsonNode> panels = new ArrayList<>();
            for (JsonNode panel : dashboard.path("panels")) {
                panels.add(panel);
                panel.path("panels").forEach(panels::add);
            }
            return panels;
        }
    }

    /**
     * Just enough of PromQL to find metric names: strings, label matchers, ranges and grouping clauses are removed,
     * then every identifier that is not a function call, a keyword or a number is a metric name.
     */
    static final class Promql {

        private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
                "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
        private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

        static Set<String> metricNames(String expression) {
            String text = expression
                    .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                    .replaceAll("\\{[^}]*}", " ")
                    .replaceAll("\\[[^\\]]*]", " ")
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                    .replaceAll("\\boffset\\s+\\S+", " ")
                    .replaceAll("\\$[a-zA-Z_]+", " ");
            Set<String> names = new TreeSet<>();
            Matcher matcher = IDENTIFIER.matcher(text);
            while (matcher.find()) {
                String word = matcher.group();
                boolean call = text.substring(matcher.end()).matches("(?s)\\s*\\(.*");
                boolean partOfNumber = matcher.start() > 0 && Character.isDigit(text.charAt(matcher.start() - 1));
                if (!call && !partOfNumber && !KEYWORDS.contains(word.toLowerCase())) {
                    names.add(word);
                }
            }
            return names;
        }
    }

    /** The first column of deploy/grafana/METRICS.md's tables: `name` or `name_sum`, `_count`, `_max`. */
    static final class MetricList {

        private static final Pattern CODE = Pattern.compile("`([^`]+)`");

        static Set<String> names(String markdown) {
            Set<String> names = new TreeSet<>();
            for (String line : markdown.split("\n")) {
                if (!line.startsWith("| `")) {
                    continue;
                }
                String firstCell = line.split("\\|")[1];
                String base = null;
                Matcher matcher = CODE.matcher(firstCell);
                while (matcher.find()) {
                    String name = matcher.group(1);
                    if (name.startsWith("_") && base != null) {
                        names.add(base + name);
                    } else {
                        names.add(name);
                        base = name.contains("_") ? name.substring(0, name.lastIndexOf('_')) : name;
                    }
                }
            }
            return names;
        }
    }

    /** What {@link LiveScrape} compares: the names a running stack must export, and what a scrape shows. */
    static final class Scrape {

        /** Port variables of the local stack (deploy/local-stack/ports.env), per service. */
        static final Map<String, String> PORT_OF = Map.of("gateway", "GATEWAY_MANAGEMENT_PORT",
                "identity-service", "IDENTITY_PORT", "document-service", "DOCUMENT_PORT",
                "preregistration-service", "PREREGISTRATION_PORT", "fmme-service", "FMME_PORT",
                "notification-service", "NOTIFICATION_PORT");

        /** Series Prometheus makes itself for every target or rule, exported by no service. */
        private static final Set<String> BUILT_IN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
                "scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS", "ALERTS_FOR_STATE");

        private static final List<String> SUFFIXES = List.of("_bucket", "_sum", "_count", "_max", "_total");

        private Scrape() {
        }

        /** The queried names less Prometheus' own series. */
        static Set<String> required(Set<String> queried) {
            Set<String> required = new TreeSet<>(queried);
            required.removeAll(BUILT_IN);
            return required;
        }

        /** The names neither sampled nor, without a histogram, summary or counter suffix, a declared family. */
        static Set<String> missing(Set<String> required, Exposition exported) {
            Set<String> missing = new TreeSet<>();
            for (String name : required) {
                boolean found = exported.samples().contains(name) || exported.families().contains(name)
                        || SUFFIXES.stream().anyMatch(suffix -> name.endsWith(suffix)
                                && exported.families().contains(name.substring(0, name.length() - suffix.length())));
                if (!found) {
                    missing.add(name);
                }
            }
            return missing;
        }

        /** The names in Prometheus' text format: of the samples, and of the families ({@code # TYPE}). */
        record Exposition(Set<String> samples, Set<String> families) {

            private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");
            private static final Pattern FAMILY = Pattern.compile("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) ");

            static Exposition parse(String text) {
                Set<String> samples = new TreeSet<>();
                Set<String> families = new TreeSet<>();
                for (String line : text.split("\n")) {
                    Matcher family = FAMILY.matcher(line);
                    Matcher sample = SAMPLE.matcher(line);
                    if (family.find()) {
                        families.add(family.group(1));
                    } else if (sample.find()) {
                        samples.add(sample.group(1));
                    }
                }
                return new Exposition(samples, families);
            }
        }
    }

    /** The kustomize base's documents, by kind and name. */
    static final class Manifests {

        private final List<Map<String, Object>> documents;

        private Manifests(List<Map<String, Object>> documents) {
            this.documents = documents;
        }

        static Manifests of(Path directory) {
            List<Map<String, Object>> all = new ArrayList<>();
            list(directory, ".yaml").stream().filter(file -> !file.endsWith("kustomization.yaml"))
                    .forEach(file -> all.addAll(documents(file)));
            return new Manifests(all);
        }

        static List<Map<String, Object>> documents(Path file) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(readText(file))) {
                if (document != null) {
                    documents.add(asMap(document));
                }
            }
            return documents;
        }

        Map<String, Object> byKind(String kind, String name) {
            return documents.stream()
                    .filter(document -> kind.equals(document.get("kind"))
                            && name.equals(asMap(document.get("metadata")).get("name")))
                    .findFirst().orElse(Map.of());
        }

        Map<String, Object> container(String deployment) {
            Map<String, Object> podSpec = asMap(asMap(asMap(byKind("Deployment", deployment).get("spec"))
                    .get("template")).get("spec"));
            List<Object> containers = asList(podSpec.get("containers"));
            return containers.isEmpty() ? new LinkedHashMap<>() : asMap(containers.get(0));
        }

        List<String> problems(List<String> services) {
            List<String> problems = new ArrayList<>();
            Set<String> configKeys = asMap(byKind("ConfigMap", "preregistro-config").get("data")).keySet();
            for (String service : services) {
                if (byKind("Deployment", service).isEmpty()) {
                    problems.add(service + ": no Deployment");
                    continue;
                }
                Map<String, Object> container = container(service);
                probe(problems, service, container, "readinessProbe", "/actuator/health/readiness");
                probe(problems, service, container, "livenessProbe", "/actuator/health/liveness");
                if ("gateway".equals(service)) {
                    managementApart(problems, container, asMap(byKind("Service", service).get("spec")));
                }
                Map<String, Object> resources = asMap(container.get("resources"));
                if (asMap(resources.get("requests")).get("cpu") == null
                        || asMap(resources.get("requests")).get("memory") == null
                        || asMap(resources.get("limits")).get("memory") == null) {
                    problems.add(service + ": needs cpu and memory requests and a memory limit");
                }
                for (Object entry : asList(container.get("env"))) {
                    Map<String, Object> from = asMap(asMap(entry).get("valueFrom"));
                    Map<String, Object> config = asMap(from.get("configMapKeyRef"));
                    Map<String, Object> secret = asMap(from.get("secretKeyRef"));
                    if (!config.isEmpty() && (!"preregistro-config".equals(config.get("name"))
                            || !configKeys.contains(String.valueOf(config.get("key"))))) {
                        problems.add(service + ": reads unknown config " + config);
                    }
                    if (!secret.isEmpty() && (!"preregistro-secrets".equals(secret.get("name"))
                            || !SECRET_KEYS.contains(String.valueOf(secret.get("key"))))) {
                        problems.add(service + ": reads unknown secret " + secret);
                    }
                }
                if (byKind("Service", service).isEmpty()) {
                    problems.add(service + ": no Service");
                }
                if (byKind("PodDisruptionBudget", service).isEmpty()) {
                    problems.add(service + ": no PodDisruptionBudget");
                }
            }
            documents.stream().filter(document -> "HorizontalPodAutoscaler".equals(document.get("kind")))
                    .map(hpa -> String.valueOf(asMap(asMap(hpa.get("spec")).get("scaleTargetRef")).get("name")))
                    .filter(target -> byKind("Deployment", target).isEmpty())
                    .forEach(target -> problems.add("HorizontalPodAutoscaler scales unknown Deployment " + target));
            for (String service : services) {
                boolean scaled = documents.stream()
                        .filter(document -> "HorizontalPodAutoscaler".equals(document.get("kind")))
                        .anyMatch(hpa -> service.equals(asMap(asMap(hpa.get("spec")).get("scaleTargetRef"))
                                .get("name")));
                if (!scaled) {
                    problems.add(service + ": no HorizontalPodAutoscaler");
                }
            }
            if (byKind("Ingress", "gateway").isEmpty()) {
                problems.add("no Ingress for the gateway");
            }
            return problems;
        }

        /**
         * The gateway's Service is what the Ingress exposes to the Internet: its probes and metrics use the container's
         * {@code management} port, which that Service does not expose.
         */
        private static void managementApart(List<String> problems, Map<String, Object> container,
                Map<String, Object> service) {
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Object port = asMap(asMap(container.get(probe)).get("httpGet")).get("port");
                if (!"management".equals(port)) {
                    problems.add("gateway: " + probe + " must use the management port (is " + port + ")");
                }
            }
            boolean declared = asList(container.get("ports")).stream()
                    .anyMatch(port -> "management".equals(asMap(port).get("name")));
            if (!declared) {
                problems.add("gateway: the container declares no port named management");
            }
            for (Object port : asList(service.get("ports"))) {
                Object target = asMap(port).get("targetPort");
                if ("management".equals(target) || "8090".equals(String.valueOf(target))) {
                    problems.add("gateway: its Service must not expose the management port");
                }
            }
        }

        private static void probe(List<String> problems, String service, Map<String, Object> container,
                String probe, String path) {
            Object actual = asMap(asMap(container.get(probe)).get("httpGet")).get("path");
            if (!path.equals(actual)) {
                problems.add(service + ": " + probe + " must GET " + path + " (is " + actual + ")");
            }
        }
    }

    /** {@code promtool}, from the Debian package {@code prometheus}. */
    record Promtool(int exitCode, String output) {

        static boolean installed() {
            return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, "promtool")));
        }

        static Promtool run(String... arguments) {
            List<String> command = new ArrayList<>(List.of("promtool"));
            command.addAll(List.of(arguments));
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("promtool did not finish: " + command);
                }
                return new Promtool(process.exitValue(), output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static void assumePromtool() {
        Assumptions.assumeTrue(Promtool.installed(),
                "promtool not found: install the Debian package 'prometheus' (apt-get install prometheus) "
                        + "to let promtool check deploy/prometheus");
    }

    // ---------------------------------------------------------------- reading files

    static List<Map<String, Object>> alertRules(Map<String, Object> alerts) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : asList(alerts.get("groups"))) {
            for (Object rule : asList(asMap(group).get("rules"))) {
                if (asMap(rule).containsKey("alert")) {
                    rules.add(asMap(rule));
                }
            }
        }
        return rules;
    }

    static List<Path> list(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> readYaml(Path file) {
        Map<String, Object> model = new Yaml().load(readText(file));
        assertThat(model).as(file + " is a YAML mapping").isNotNull();
        return model;
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(readText(file));
        } catch (JacksonException e) {
            throw new AssertionError(file + " is not well-formed JSON: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }
}
