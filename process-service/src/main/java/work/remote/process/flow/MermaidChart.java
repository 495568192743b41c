package work.remote.process.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessRole;
import work.remote.process.Step;

/**
 * The flow as Mermaid text: {@code flowchart TD}, one subgraph (lane) per role, end steps as stadiums, key points
 * marked with a warning sign and a red border. Ids are derived ({@code s0}, {@code lane0}), never user text; every
 * label is a quoted string whose characters other than letters, digits, spaces and {@code . , - _} are Mermaid
 * entity codes ({@code #35;}), so no title can close its node, start a line, or carry markup or a directive.
 */
public final class MermaidChart {

    private MermaidChart() {
    }

    public static String of(ProcessDefinition definition) {
        FlowGraph graph = new FlowGraph(definition);
        RolePalette palette = new RolePalette(definition);
        List<Step> steps = graph.flowOrder();
        // Mermaid reserves words such as "end", so nodes get positional ids rather than the step ids
        Map<String, String> nodeIds = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            nodeIds.put(steps.get(i).id(), "s" + i);
        }
        StringBuilder text = new StringBuilder("flowchart TD\n");
        List<ProcessRole> roles = palette.roles();
        for (int r = 0; r < roles.size(); r++) {
            ProcessRole role = roles.get(r);
            text.append("    subgraph lane").append(r).append("[\"").append(escape(RolePalette.label(role)))
                    .append("\"]\n");
            steps.stream().filter(step -> role.name().equals(step.role()))
                    .forEach(step -> text.append("        ").append(node(step, nodeIds, definition)).append('\n'));
            text.append("    end\n");
            text.append("    style lane").append(r).append(" fill:").append(palette.fill(role.name())).append('\n');
        }
        steps.stream().filter(step -> definition.role(step.role() == null ? "" : step.role()).isEmpty())
                .forEach(step -> text.append("    ").append(node(step, nodeIds, definition)).append('\n'));
        for (FlowGraph.Transition transition : graph.transitions()) {
            text.append("    ").append(nodeIds.get(transition.from().id())).append(" --> ")
                    .append(nodeIds.get(transition.to().id())).append('\n');
        }
        text.append("    classDef keyPoint stroke:").append(RolePalette.KEY_POINT_STROKE)
                .append(",stroke-width:3px\n");
        steps.stream().filter(step -> !definition.keyPointsAt(step.id()).isEmpty())
                .forEach(step -> text.append("    class ").append(nodeIds.get(step.id())).append(" keyPoint\n"));
        return text.toString();
    }

    private static String node(Step step, Map<String, String> nodeIds, ProcessDefinition definition) {
        String label = (definition.keyPointsAt(step.id()).isEmpty() ? "" : "⚠ ") + escape(step.title());
        String id = nodeIds.get(step.id());
        return step.end() ? id + "([\"" + label + "\"])" : id + "[\"" + label + "\"]";
    }

    /**
     * {@code text} as inert label text: line breaks and other control characters become spaces, and every character
     * Mermaid or the HTML it renders to could read as syntax becomes its decimal entity code, which Mermaid shows as
     * that character.
     */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '.' || c == ',' || c == '-' || c == '_') {
                escaped.appendCodePoint(c);
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                escaped.append(' ');
            } else {
                escaped.append('#').append(c).append(';');
            }
        });
        return escaped.toString();
    }
}
