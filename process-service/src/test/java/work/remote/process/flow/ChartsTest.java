package work.remote.process.flow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import work.remote.process.Drafts;
import work.remote.process.ProcessDefinition;
import work.remote.process.Step;

class ChartsTest {

    private static final ProcessDefinition LAUNCH = Drafts.featureLaunch("feature-launch").definition();

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
        assertThat(mermaid).contains("subgraph lane1[\"cs-lead (customer support)\"]");
        long transitions = LAUNCH.steps().stream().mapToLong(step -> step.next().size()).sum();
        assertThat(mermaid.lines().filter(line -> line.contains(" --> "))).hasSize((int) transitions);
        assertThat(mermaid.lines().filter(line -> line.trim().startsWith("class ") && line.endsWith(" keyPoint")))
                .hasSize(8);
        assertThat(mermaid).contains("([\"Answer in the channel\"])");
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
