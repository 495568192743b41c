package work.remote.process.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessRole;
import work.remote.process.Step;

/**
 * The flow as an SVG picture. Eclipse ELK's layered algorithm places the steps top to bottom and routes the arrows;
 * this class draws its result: one box per step filled with its role's colour (legend on top), end steps rounded,
 * key points with a red border and their checks, one path with an arrowhead per transition.
 */
public final class SvgChart {

    private static final double LINE_HEIGHT = 16;
    private static final double CHAR_WIDTH = 7.2;
    private static final int WRAP_AT = 30;
    private static final double LEGEND_ROW = 22;
    private static final double MARGIN = 16;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredOptions());
    }

    private SvgChart() {
    }

    /** A step's text, line by line, with how many of the first lines form its title. */
    private record Box(Step step, List<String> lines, int titleLines, boolean keyPoint) {

        double width() {
            int longest = lines.stream().mapToInt(String::length).max().orElse(10);
            return Math.max(140, longest * CHAR_WIDTH + 24);
        }

        double height() {
            return lines.size() * LINE_HEIGHT + 20;
        }
    }

    public static String of(ProcessDefinition definition) {
        FlowGraph graph = new FlowGraph(definition);
        RolePalette palette = new RolePalette(definition);
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 40.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 50.0);

        Map<String, ElkNode> nodes = new HashMap<>();
        Map<ElkNode, Box> boxes = new HashMap<>();
        for (Step step : graph.flowOrder()) {
            Box box = box(step, definition);
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier(step.id());
            node.setDimensions(box.width(), box.height());
            nodes.put(step.id(), node);
            boxes.put(node, box);
        }
        for (FlowGraph.Transition transition : graph.transitions()) {
            ElkGraphUtil.createSimpleEdge(nodes.get(transition.from().id()), nodes.get(transition.to().id()));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<ProcessRole> roles = palette.roles();
        double top = MARGIN + roles.size() * LEGEND_ROW + MARGIN;
        double width = Math.max(root.getWidth(), 320) + 2 * MARGIN;
        double height = top + root.getHeight() + MARGIN;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(number(width))
                .append("\" height=\"").append(number(height)).append("\" viewBox=\"0 0 ").append(number(width))
                .append(' ').append(number(height)).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" "
                + "fill=\"#333\"/></marker></defs>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        legend(svg, roles, palette);
        svg.append("<g transform=\"translate(").append(number(MARGIN)).append(' ').append(number(top)).append(")\">\n");
        for (ElkEdge edge : root.getContainedEdges()) {
            edge(svg, edge);
        }
        for (ElkNode node : root.getChildren()) {
            node(svg, node, boxes.get(node), palette);
        }
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    private static Box box(Step step, ProcessDefinition definition) {
        List<String> lines = new ArrayList<>(wrap(step.title()));
        int titleLines = lines.size();
        lines.add(step.role() == null || step.role().isBlank() ? "(no role)" : step.role());
        var checks = definition.keyPointsAt(step.id());
        for (var point : checks) {
            lines.addAll(wrap("⚠ " + point.check()));
        }
        return new Box(step, lines, titleLines, !checks.isEmpty());
    }

    private static void legend(StringBuilder svg, List<ProcessRole> roles, RolePalette palette) {
        for (int i = 0; i < roles.size(); i++) {
            double y = MARGIN + i * LEGEND_ROW;
            svg.append("<g class=\"legend\"><rect x=\"").append(number(MARGIN)).append("\" y=\"").append(number(y))
                    .append("\" width=\"16\" height=\"16\" fill=\"").append(palette.fill(roles.get(i).name()))
                    .append("\" stroke=\"#333\"/><text x=\"").append(number(MARGIN + 24)).append("\" y=\"")
                    .append(number(y + 12)).append("\">").append(escape(RolePalette.label(roles.get(i))))
                    .append("</text></g>\n");
        }
    }

    private static void edge(StringBuilder svg, ElkEdge edge) {
        StringBuilder path = new StringBuilder();
        for (ElkEdgeSection section : edge.getSections()) {
            path.append("M ").append(point(section.getStartX(), section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                path.append(" L ").append(point(bend.getX(), bend.getY()));
            }
            path.append(" L ").append(point(section.getEndX(), section.getEndY())).append(' ');
        }
        ElkNode from = ElkGraphUtil.getSourceNode(edge);
        ElkNode to = ElkGraphUtil.getTargetNode(edge);
        svg.append("<path class=\"transition\" data-from=\"").append(escape(from.getIdentifier()))
                .append("\" data-to=\"").append(escape(to.getIdentifier())).append("\" d=\"")
                .append(path.toString().trim()).append("\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\" "
                        + "marker-end=\"url(#arrow)\"/>\n");
    }

    private static void node(StringBuilder svg, ElkNode node, Box box, RolePalette palette) {
        Step step = box.step();
        svg.append("<g class=\"step").append(box.keyPoint() ? " key-point" : "").append(step.end() ? " end" : "")
                .append("\" data-step=\"").append(escape(step.id())).append("\"><title>")
                .append(escape(step.title())).append("</title>");
        svg.append("<rect x=\"").append(number(node.getX())).append("\" y=\"").append(number(node.getY()))
                .append("\" width=\"").append(number(node.getWidth())).append("\" height=\"")
                .append(number(node.getHeight())).append("\" rx=\"").append(step.end() ? "18" : "4")
                .append("\" fill=\"").append(palette.fill(step.role())).append("\" stroke=\"")
                .append(box.keyPoint() ? RolePalette.KEY_POINT_STROKE : "#333").append("\" stroke-width=\"")
                .append(box.keyPoint() ? "3" : "1").append("\"/>");
        double centre = node.getX() + node.getWidth() / 2;
        for (int i = 0; i < box.lines().size(); i++) {
            double y = node.getY() + 10 + LINE_HEIGHT * (i + 1) - 4;
            String style = i < box.titleLines() ? " font-weight=\"bold\""
                    : i == box.titleLines() ? " font-style=\"italic\" fill=\"#555\"" : " fill=\"#a01010\"";
            svg.append("<text x=\"").append(number(centre)).append("\" y=\"").append(number(y))
                    .append("\" text-anchor=\"middle\"").append(style).append('>')
                    .append(escape(box.lines().get(i))).append("</text>");
        }
        svg.append("</g>\n");
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > WRAP_AT) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String point(double x, double y) {
        return number(x) + " " + number(y);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
