package work.remote.process.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import work.remote.process.Drafts;
import work.remote.process.Outline;
import work.remote.process.ProcessRole;
import work.remote.process.Step;
import work.remote.process.flow.ValidationReport.Finding;
import work.remote.process.flow.ValidationReport.Kind;
import work.remote.process.rest.DraftRequest;

class ValidationReportTest {

    private static final DraftRequest REVIEW = Drafts.review("review");

    private static List<Finding> problems(DraftRequest draft) {
        return ValidationReport.of(draft.definition()).problems();
    }

    @Test
    void aCompleteFlowHasACleanReport() {
        ValidationReport report = ValidationReport.of(REVIEW.definition());
        assertThat(report.problems()).isEmpty();
        assertThat(report.clean()).isTrue();
    }

    @Test
    void theFeatureLaunchExampleHasACleanReport() {
        assertThat(problems(Drafts.featureLaunch("feature-launch"))).isEmpty();
    }

    @Test
    void validationNamesEachMissing5W1HField() {
        DraftRequest draft = Drafts.withOutline(REVIEW, new Outline("why", "", null, "when", "  ", "how"));
        assertThat(problems(draft)).filteredOn(problem -> problem.kind() == Kind.MISSING_OUTLINE_FIELD)
                .extracting(Finding::field)
                .containsExactly("outline.what", "outline.who", "outline.where");
    }

    @Test
    void validationFindsStepsUnreachableFromTheStart() {
        DraftRequest draft = Drafts.withSteps(REVIEW, steps -> {
            steps.add(new Step("orphan", "Nobody leads here", "author", null, List.of("approve"), false));
            return steps;
        });
        assertThat(problems(draft)).containsExactly(new Finding(Kind.UNREACHABLE_STEP, "steps[4]", "orphan",
                "step 'orphan' cannot be reached from the start step 'draft'"));
    }

    @Test
    void validationFindsStepsThatNeverReachAnEnd() {
        DraftRequest draft = Drafts.withSteps(REVIEW, steps -> {
            steps.set(1, new Step("review", "Review the draft", "reviewer", null, List.of("approve", "rework", "limbo"),
                    false));
            steps.add(new Step("limbo", "Wait forever", "reviewer", null, List.of("limbo"), false));
            return steps;
        });
        assertThat(problems(draft)).containsExactly(new Finding(Kind.NEVER_REACHES_END, "steps[4]", "limbo",
                "no path leads from step 'limbo' to an end step"));
    }

    @Test
    void aFlowWithoutAnyEndStepReportsEveryStep() {
        DraftRequest draft = Drafts.withSteps(REVIEW, steps -> {
            steps.set(2, new Step("approve", "Approve and share", "author", null, List.of(), false));
            return steps;
        });
        assertThat(problems(draft)).extracting(Finding::stepId)
                .containsExactly("draft", "review", "approve", "rework");
    }

    @Test
    void validationFindsStepsWithoutARoleAndStepsOfUnknownRoles() {
        DraftRequest draft = Drafts.withSteps(REVIEW, steps -> {
            steps.set(0, new Step("draft", "Write the draft", null, null, List.of("review"), false));
            steps.set(3, new Step("rework", "Rework", "editor", null, List.of("review"), false));
            return steps;
        });
        assertThat(problems(draft)).extracting(Finding::kind, Finding::field, Finding::stepId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.STEP_WITHOUT_ROLE, "steps[0].role", "draft"),
                org.assertj.core.groups.Tuple.tuple(Kind.UNKNOWN_ROLE, "steps[3].role", "rework"));
    }

    @Test
    void validationFindsRolesWithoutSteps() {
        DraftRequest draft = Drafts.withRoles(REVIEW, List.of(new ProcessRole("author", "product"),
                new ProcessRole("reviewer", "cs"), new ProcessRole("observer", "ops")));
        assertThat(problems(draft)).containsExactly(
                new Finding(Kind.ROLE_WITHOUT_STEPS, "roles[2]", null, "role 'observer' owns no step"));
    }

    @Test
    void validationFindsTransitionsToUnknownSteps() {
        DraftRequest draft = Drafts.withSteps(REVIEW, steps -> {
            steps.set(1, new Step("review", "Review", "reviewer", null, List.of("approve", "rework", "escalate"),
                    false));
            return steps;
        });
        assertThat(problems(draft)).containsExactly(new Finding(Kind.UNKNOWN_TRANSITION, "steps[1].next[2]", "review",
                "step 'review' leads to 'escalate', which is not a step"));
    }

    @Test
    void validationListsEveryProblemAtOnce() {
        DraftRequest broken = Drafts.withSteps(Drafts.withOutline(REVIEW, new Outline(null, "what", "who", "when",
                "where", "how")), steps -> {
                    steps.set(0, new Step("draft", "Write", null, null, List.of("review", "nowhere"), false));
                    steps.add(new Step("orphan", "Orphan", "author", null, List.of(), false));
                    return steps;
                });
        assertThat(problems(broken)).extracting(Finding::kind).containsExactlyInAnyOrder(
                Kind.MISSING_OUTLINE_FIELD, Kind.STEP_WITHOUT_ROLE, Kind.UNKNOWN_TRANSITION, Kind.UNREACHABLE_STEP,
                Kind.NEVER_REACHES_END);
    }

    @Test
    void anEmptyFlowAndDuplicateIdsAreReported() {
        assertThat(problems(Drafts.withSteps(REVIEW, steps -> List.of()))).extracting(Finding::kind)
                .contains(Kind.NO_STEPS);
        DraftRequest duplicate = Drafts.withSteps(REVIEW, steps -> {
            steps.add(new Step("review", "Second review", "reviewer", null, List.of("approve"), false));
            return steps;
        });
        assertThat(problems(duplicate)).extracting(Finding::kind, Finding::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.DUPLICATE_STEP, "steps[4].id"));
    }
}
