package mx.gob.inm.preregistro.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import mx.gob.inm.preregistro.testing.RepositoryRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs axe-core in the page. The script is the frontend's own devDependency
 * ({@code gateway/src/main/frontend/node_modules/axe-core/axe.min.js}, installed by the gateway's
 * {@code npm ci}); {@code -Daxe.script=/path/axe.min.js} points elsewhere.
 */
final class Axe {

    /** WCAG 2.0, 2.1 and 2.2 success criteria, levels A and AA. */
    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String RUN = """
            const tags = arguments[0];
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
              .then((results) => done({ violations: results.violations.map((v) => ({
                id: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), failureSummary: n.failureSummary || '' }))
              })) }))
              .catch((error) => done({ error: String(error) }));
            """;

    private static String source;

    private Axe() {
    }

    static Path scriptPath() {
        String configured = System.getProperty("axe.script");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return RepositoryRoot.find().resolve("gateway/src/main/frontend/node_modules/axe-core/axe.min.js");
    }

    private static synchronized String source() {
        if (source == null) {
            Path path = scriptPath();
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("axe-core not found at " + path
                        + ": run `npm ci` in gateway/src/main/frontend (the gateway build does), or set -Daxe.script");
            }
            try {
                source = Files.readString(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    @SuppressWarnings("unchecked")
    static List<AxeViolation> run(JavascriptExecutor js, List<String> tags) {
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(RUN, tags);
        if (result.containsKey("error")) {
            throw new IllegalStateException("axe-core failed: " + result.get("error"));
        }
        List<AxeViolation> violations = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result.get("violations")) {
            List<AxeViolation.Node> nodes = new ArrayList<>();
            for (Map<String, Object> n : (List<Map<String, Object>>) v.get("nodes")) {
                nodes.add(new AxeViolation.Node((String) n.get("target"), (String) n.get("failureSummary")));
            }
            violations.add(new AxeViolation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                    (String) v.get("helpUrl"), List.copyOf(nodes)));
        }
        return List.copyOf(violations);
    }
}
