package work.remote.process.flow;

import java.util.List;
import java.util.stream.Stream;

import work.remote.events.process.ChecklistItem;
import work.remote.process.KeyPoint;
import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessRole;
import work.remote.process.Step;
import work.remote.platform.problem.ProblemException;

/**
 * What one role does in a process: its steps in flow order, the hand-offs it receives from other roles and passes on
 * to them, and the key points it must check.
 */
public record RoleDuties(String role, String team, List<Duty> steps, List<Handoff> receives,
        List<Handoff> passesOn, List<KeyPoint> keyPoints) {

    /** A step of the role, with what to check there when it is a key point. */
    public record Duty(String stepId, String title, String description, List<String> next, boolean end,
            List<String> checks) {
    }

    /** An arrow from one role's step to another role's step. */
    public record Handoff(String fromRole, String fromStep, String toRole, String toStep) {
    }

    public static RoleDuties of(ProcessDefinition definition, String roleName) {
        ProcessRole role = definition.role(roleName)
                .orElseThrow(() -> ProblemException.notFound("Role", roleName));
        FlowGraph graph = new FlowGraph(definition);
        List<Duty> steps = graph.flowOrder().stream()
                .filter(step -> roleName.equals(step.role()))
                .map(step -> new Duty(step.id(), step.title(), step.description(), step.next(), step.end(),
                        definition.keyPointsAt(step.id()).stream().map(KeyPoint::check).toList()))
                .toList();
        List<FlowGraph.Transition> handoffs = graph.transitions().stream()
                .filter(transition -> !sameRole(transition.from(), transition.to()))
                .toList();
        List<Handoff> receives = handoffs.stream().filter(transition -> roleName.equals(transition.to().role()))
                .map(RoleDuties::handoff).toList();
        List<Handoff> passesOn = handoffs.stream().filter(transition -> roleName.equals(transition.from().role()))
                .map(RoleDuties::handoff).toList();
        List<KeyPoint> keyPoints = steps.stream()
                .flatMap(duty -> definition.keyPointsAt(duty.stepId()).stream()).toList();
        return new RoleDuties(role.name(), role.team(), steps, receives, passesOn, keyPoints);
    }

    /** The role's checklist: each step, followed by a line per key point to check there. */
    public List<ChecklistItem> checklist() {
        return steps.stream().flatMap(duty -> Stream.concat(
                Stream.of(new ChecklistItem(duty.stepId(), stepText(duty), false)),
                duty.checks().stream().map(check -> new ChecklistItem(duty.stepId(), "Check: " + check, true))))
                .toList();
    }

    private static String stepText(Duty duty) {
        return duty.description() == null || duty.description().isBlank()
                ? duty.title()
                : duty.title() + ": " + duty.description();
    }

    private static boolean sameRole(Step from, Step to) {
        return from.role() != null && from.role().equals(to.role());
    }

    private static Handoff handoff(FlowGraph.Transition transition) {
        return new Handoff(transition.from().role(), transition.from().id(), transition.to().role(),
                transition.to().id());
    }
}
