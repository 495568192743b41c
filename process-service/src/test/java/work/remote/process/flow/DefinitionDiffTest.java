package work.remote.process.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import work.remote.process.Drafts;
import work.remote.process.KeyPoint;
import work.remote.process.Outline;
import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessRole;
import work.remote.process.Step;
import work.remote.process.rest.DraftRequest;

class DefinitionDiffTest {

    @Test
    void diffNamesChangedOutlineFieldsAndAddedRemovedAndChangedStepsRolesAndKeyPoints() {
        DraftRequest before = Drafts.review("review");
        Outline outline = before.outline();
        DraftRequest after = new DraftRequest(before.key(), before.title(), before.owner(),
                new Outline(outline.why(), outline.what(), outline.who(), "Before anything is shared",
                        outline.where(), outline.how()),
                List.of(new ProcessRole("author", "product"), new ProcessRole("reviewer", "support"),
                        new ProcessRole("editor", "product")),
                List.of(before.steps().get(0),
                        new Step("review", "Review the draft", "reviewer", "Read it all",
                                List.of("approve", "copy-edit"), false),
                        before.steps().get(2),
                        new Step("copy-edit", "Copy-edit", "editor", null, List.of("approve"), false)),
                List.of(new KeyPoint("review", "Every section was read, not skimmed"),
                        new KeyPoint("copy-edit", "Links work")));

        DefinitionDiff diff = DefinitionDiff.between(before.definition(), after.definition());

        assertThat(diff.fields()).containsExactly(new DefinitionDiff.FieldChange("outline.when",
                "Before a document is shared", "Before anything is shared"));
        assertThat(diff.steps().added()).extracting(Step::id).containsExactly("copy-edit");
        assertThat(diff.steps().removed()).extracting(Step::id).containsExactly("rework");
        assertThat(diff.steps().changed()).extracting(DefinitionDiff.Changed::id).containsExactly("review");
        assertThat(diff.roles().added()).extracting(ProcessRole::name).containsExactly("editor");
        assertThat(diff.roles().changed()).singleElement().satisfies(change -> {
            assertThat(change.from().team()).isEqualTo("customer support");
            assertThat(change.to().team()).isEqualTo("support");
        });
        assertThat(diff.keyPoints().added()).containsExactly(new KeyPoint("copy-edit", "Links work"));
        assertThat(diff.keyPoints().removed()).isEmpty();
    }

    @Test
    void identicalDefinitionsHaveAnEmptyDiff() {
        ProcessDefinition definition = Drafts.review("review").definition();
        assertThat(DefinitionDiff.between(definition, definition).isEmpty()).isTrue();
    }
}
