package work.remote.process.flow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import work.remote.process.Drafts;
import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessRole;
import work.remote.process.Step;

class ChartsTest {

    private static final ProcessDefinition LAUNCH = Drafts.featureLaunch("feature-launch").definition();

    private static final String CLICK_TITLE = "Go\"] ; click s0 \"javascript:alert(1)\" \"pwned\"";
    private static final String NEW_NODE_TITLE = "Close\"]\n    s9[\"injected node\"]\n    s9 --> s0\n%% a comment";
    private static final String MARKUP_TITLE = "<img src=x onerror=alert(1)> & <b>bold</b> `code` |pipe| "
            + "{curly} (round) #quot; #35; style s0 fill:#f00; classDef x fill:#f00;";
    private static final ProcessDefinition HOSTILE = Drafts.withRoles(Drafts.withSteps(Drafts.review("hostile"),
            steps -> List.of(new Step("start", CLICK_TITLE, "author", null, List.of("close"), false),
                    new Step("close", NEW_NODE_TITLE, "author", null, List.of("markup"), false),
                    new Step("markup", MARKUP_TITLE, "author", null, List.of(), true))),
            List.of(new ProcessRole("author", "ops\"]\nend\nclick lane0 href \"javascript:alert(2)\""))).definition();
    /** Label text: letters, digits, spaces, {@code . , - _} and entity codes. */
    private static final String LABEL_TEXT = "(?:[\\p{L}\\p{N} .,_-]|#\\d+;)*";
    private static final String INERT_LABEL = "\"(?:⚠ )?" + LABEL_TEXT + "\"";
    private static final Pattern NODE = Pattern.compile("(s\\d+)\\(?\\[\"(?:⚠ )?(" + LABEL_TEXT + ")\"\\]\\)?");
    private static final Pattern ENTITY = Pattern.compile("#(\\d+);");

    @Test
    void theSvgFlowchartIsWellFormedAndDrawsEveryStepAndOneArrowPerTransition() throws Exception {
        Document svg = parse(SvgChart.of(LAUNCH));

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        List<Element> steps = elements(svg, "g").stream()
                .filter(group -> group.getAttribute("class").startsWith("step")).toList();
        assertThat(steps).extracting(group -> group.getAttribute("data-step"))
                .containsExactlyInAnyOrderElementsOf(LAUNCH.steps().stream().map(Step::id).toList());
        assertThat(elements(svg, "title")).extracting(Element::getTextContent)
                .containsExactlyInAnyOrderElementsOf(LAUNCH.steps().stream().map(Step::title).toList());

        List<Element> arrows = elements(svg, "path").stream()
                .filter(path -> "transition".equals(path.getAttribute("class"))).toList();
        List<String> transitions = LAUNCH.steps().stream()
                .flatMap(step -> step.next().stream().map(next -> step.id() + "->" + next)).toList();
        assertThat(arrows).extracting(path -> path.getAttribute("data-from") + "->" + path.getAttribute("data-to"))
                .containsExactlyInAnyOrderElementsOf(transitions);
        assertThat(arrows).allSatisfy(path -> {
            assertThat(path.getAttribute("d")).matches("M [-0-9.]+ [-0-9.]+( L [-0-9.]+ [-0-9.]+)+");
            assertThat(path.getAttribute("marker-end")).isEqualTo("url(#arrow)");
        });
    }

    @Test
    void theSvgMarksKeyPointsAndColoursStepsByRole() throws Exception {
        Document svg = parse(SvgChart.of(LAUNCH));
        List<Element> steps = elements(svg, "g").stream()
                .filter(group -> group.getAttribute("class").startsWith("step")).toList();
        assertThat(steps).filteredOn(group -> group.getAttribute("class").contains("key-point"))
                .extracting(group -> group.getAttribute("data-step"))
                .containsExactlyInAnyOrder("confirm-final-onboarding", "agents-onboarding", "write-training-kit",
                        "relay-training", "ask-in-channel", "open-child-ticket", "report-money-issue",
                        "resolve-money-issue");
        String productFill = fillOf(steps, "open-parent-ticket");
        assertThat(fillOf(steps, "answer-in-channel")).isEqualTo(productFill);
        assertThat(fillOf(steps, "ask-in-channel")).isNotEqualTo(productFill);
        assertThat(elements(svg, "g").stream().filter(group -> "legend".equals(group.getAttribute("class"))))
                .hasSize(3);
    }

    @Test
    void theMermaidFlowchartHasALanePerRoleAndAnArrowPerTransition() {
        String mermaid = MermaidChart.of(LAUNCH);
        assertThat(mermaid).startsWith("flowchart TD\n");
        assertThat(mermaid.lines().filter(line -> line.trim().startsWith("subgraph lane"))).hasSize(3);
        assertThat(mermaid).contains("subgraph lane1[\"cs-lead #40;customer support#41;\"]");
        long transitions = LAUNCH.steps().stream().mapToLong(step -> step.next().size()).sum();
        assertThat(mermaid.lines().filter(line -> line.contains(" --> "))).hasSize((int) transitions);
        assertThat(mermaid.lines().filter(line -> line.trim().startsWith("class ") && line.endsWith(" keyPoint")))
                .hasSize(8);
        assertThat(mermaid).contains("([\"Answer in the channel\"])");
    }

    @Test
    void mermaidLabelsAreInertTextWhateverTheyContain() {
        String mermaid = MermaidChart.of(HOSTILE);

        List<String> lines = mermaid.lines().map(String::trim).toList();
        assertThat(lines.get(0)).isEqualTo("flowchart TD");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).matches(String.join("|",
                "subgraph lane\\d+\\[" + INERT_LABEL + "\\]", "end", "style lane\\d+ fill:#[0-9a-f]{6}",
                "s\\d+\\[" + INERT_LABEL + "\\]", "s\\d+\\(\\[" + INERT_LABEL + "\\]\\)", "s\\d+ --> s\\d+",
                "classDef keyPoint stroke:#d62728,stroke-width:3px", "class s\\d+ keyPoint")));
        assertThat(mermaid).doesNotContain("javascript:", "%%", "<", "`", "|", "{", "(round)");

        Map<String, String> titles = new LinkedHashMap<>();
        lines.stream().map(NODE::matcher).filter(Matcher::matches)
                .forEach(node -> titles.put(node.group(1), decoded(node.group(2))));
        assertThat(titles.values()).containsExactlyInAnyOrderElementsOf(
                HOSTILE.steps().stream().map(step -> onOneLine(step.title())).toList());
        List<String> arrows = lines.stream().filter(line -> line.contains(" --> "))
                .map(line -> titles.get(line.split(" --> ")[0]) + " -> " + titles.get(line.split(" --> ")[1]))
                .toList();
        assertThat(arrows).containsExactlyInAnyOrder(CLICK_TITLE + " -> " + onOneLine(NEW_NODE_TITLE),
                onOneLine(NEW_NODE_TITLE) + " -> " + MARKUP_TITLE);
        assertThat(lines.stream().filter(line -> line.startsWith("subgraph ")).map(line -> decoded(
                line.substring(line.indexOf("[\"") + 2, line.length() - 2))))
                .containsExactly(onOneLine("author (" + HOSTILE.roles().get(0).team() + ")"));
    }

    @Test
    void theSvgFlowchartEscapesMarkupInLabels() throws Exception {
        String text = SvgChart.of(HOSTILE);
        Document svg = parse(text);

        assertThat(elements(svg, "script")).isEmpty();
        assertThat(elements(svg, "img")).isEmpty();
        assertThat(elements(svg, "b")).isEmpty();
        assertThat(elements(svg, "title")).extracting(Element::getTextContent)
                .containsExactlyInAnyOrderElementsOf(HOSTILE.steps().stream().map(Step::title).toList());
        assertThat(elements(svg, "g").stream().filter(group -> group.getAttribute("class").startsWith("step")))
                .hasSize(HOSTILE.steps().size());
        assertThat(text).contains("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    }

    /** What a label shows of {@code text}: line breaks become spaces. */
    private static String onOneLine(String text) {
        return text.replace('\n', ' ');
    }

    private static String decoded(String label) {
        return ENTITY.matcher(label).replaceAll(entity -> Matcher.quoteReplacement(
                Character.toString(Integer.parseInt(entity.group(1)))));
    }

    private static String fillOf(List<Element> steps, String stepId) {
        Element group = steps.stream().filter(step -> step.getAttribute("data-step").equals(stepId)).findFirst()
                .orElseThrow();
        return ((Element) group.getElementsByTagName("rect").item(0)).getAttribute("fill");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(UTF_8)));
    }

    private static List<Element> elements(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
