package mx.gob.inm.preregistro.testing.browser;

import java.util.List;

/** One axe-core rule broken on the page, with the elements that break it. */
public record AxeViolation(String id, String impact, String help, String helpUrl, List<Node> nodes) {

    /** An offending element: its CSS selector and axe's explanation. */
    public record Node(String target, String failureSummary) {
    }

    /** "color-contrast (serious): Elements must meet ... \n    at .button-primary: Fix any of ..." */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append(id).append(" (").append(impact).append("): ").append(help).append(" <").append(helpUrl).append('>');
        for (Node node : nodes) {
            text.append("\n      at ").append(node.target());
            if (node.failureSummary() != null && !node.failureSummary().isBlank()) {
                text.append(": ").append(node.failureSummary().replaceAll("\\s*\\n\\s*", " "));
            }
        }
        return text.toString();
    }
}
