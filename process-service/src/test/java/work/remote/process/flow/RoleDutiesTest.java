package work.remote.process.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import work.remote.events.process.ChecklistItem;
import work.remote.platform.problem.ProblemException;
import work.remote.process.Drafts;
import work.remote.process.KeyPoint;
import work.remote.process.ProcessDefinition;
import work.remote.process.flow.RoleDuties.Handoff;

class RoleDutiesTest {

    private static final ProcessDefinition LAUNCH = Drafts.featureLaunch("feature-launch").definition();

    @Test
    void dutiesOfARoleWithBranchesListItsStepsInFlowOrderWithHandoffsAndKeyPoints() {
        RoleDuties agent = RoleDuties.of(LAUNCH, "cs-agent");

        assertThat(agent.team()).isEqualTo("customer support");
        assertThat(agent.steps()).extracting(RoleDuties.Duty::stepId).containsExactly("agents-onboarding",
                "attend-training", "handle-user-contact", "ask-in-channel", "open-child-ticket", "report-money-issue");
        assertThat(agent.steps().get(2).next()).containsExactly("ask-in-channel", "open-child-ticket",
                "report-money-issue");
        assertThat(agent.receives()).containsExactly(
                new Handoff("cs-lead", "lead-onboarding", "cs-agent", "agents-onboarding"),
                new Handoff("product", "hold-training", "cs-agent", "attend-training"),
                new Handoff("product", "launch-and-post-status", "cs-agent", "handle-user-contact"));
        assertThat(agent.passesOn()).containsExactly(
                new Handoff("cs-agent", "agents-onboarding", "product", "write-training-kit"),
                new Handoff("cs-agent", "attend-training", "cs-lead", "relay-training"),
                new Handoff("cs-agent", "ask-in-channel", "product", "answer-in-channel"),
                new Handoff("cs-agent", "open-child-ticket", "product", "resolve-child-ticket"),
                new Handoff("cs-agent", "report-money-issue", "product", "resolve-money-issue"));
        assertThat(agent.keyPoints()).extracting(KeyPoint::stepId).containsExactly("agents-onboarding",
                "ask-in-channel", "open-child-ticket", "report-money-issue");
    }

    @Test
    void handoffsWithinOneRoleAreNotHandoffs() {
        RoleDuties product = RoleDuties.of(LAUNCH, "product");
        assertThat(product.passesOn()).extracting(Handoff::fromStep)
                .doesNotContain("write-training-kit", "open-parent-ticket");
        assertThat(product.receives()).extracting(Handoff::toStep).containsExactly("write-training-kit",
                "open-parent-ticket", "answer-in-channel", "resolve-child-ticket", "resolve-money-issue");
    }

    @Test
    void aRolesChecklistIsEachOfItsStepsFollowedByTheChecksThere() {
        RoleDuties lead = RoleDuties.of(LAUNCH, "cs-lead");
        assertThat(lead.checklist()).containsExactly(
                new ChecklistItem("lead-onboarding", "Take the onboarding test: Go through the feature from the "
                        + "user's side and note what users will stumble over.", false),
                new ChecklistItem("relay-training", "Relay the training to off-duty agents: Everyone who missed "
                        + "the training gets its content from the lead.", false),
                new ChecklistItem("relay-training",
                        "Check: Every agent absent from the training received the relay.", true));
    }

    @Test
    void anUnknownRoleIsNotFound() {
        assertThatThrownBy(() -> RoleDuties.of(LAUNCH, "ops")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("Role ops does not exist");
    }
}
