package work.remote.process.flow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import work.remote.platform.problem.Problem;
import work.remote.process.KeyPoint;
import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessRole;
import work.remote.process.Step;

/** Every reason a definition cannot be published yet, at once, each naming the field or step it concerns. */
public record ValidationReport(boolean clean, List<Finding> problems) {

    public enum Kind {
        MISSING_OUTLINE_FIELD,
        NO_STEPS,
        DUPLICATE_STEP,
        DUPLICATE_ROLE,
        STEP_WITHOUT_ROLE,
        UNKNOWN_ROLE,
        UNKNOWN_TRANSITION,
        UNREACHABLE_STEP,
        NEVER_REACHES_END,
        ROLE_WITHOUT_STEPS,
        KEY_POINT_AT_UNKNOWN_STEP
    }

    /**
     * @param field the JSON path in the draft, e.g. {@code outline.why} or {@code steps[3].next[0]}
     * @param stepId the step concerned, when there is one
     */
    public record Finding(Kind kind, String field, String stepId, String message) {
    }

    public static ValidationReport of(ProcessDefinition definition) {
        List<Finding> problems = new ArrayList<>();
        definition.outline().fields().entrySet().stream()
                .filter(field -> isBlank(field.getValue()))
                .forEach(field -> problems.add(new Finding(Kind.MISSING_OUTLINE_FIELD, "outline." + field.getKey(),
                        null, "the 5W1H field '" + field.getKey() + "' is empty")));
        checkRoles(definition, problems);
        checkSteps(definition, problems);
        checkKeyPoints(definition, problems);
        return new ValidationReport(problems.isEmpty(), List.copyOf(problems));
    }

    public List<Problem.Violation> violations() {
        return problems.stream().map(finding -> new Problem.Violation(finding.field(), finding.message())).toList();
    }

    private static void checkRoles(ProcessDefinition definition, List<Finding> problems) {
        Set<String> seen = new HashSet<>();
        Set<String> owning = definition.steps().stream().map(Step::role).filter(role -> role != null)
                .collect(Collectors.toSet());
        for (int i = 0; i < definition.roles().size(); i++) {
            ProcessRole role = definition.roles().get(i);
            String field = "roles[" + i + "]";
            if (!seen.add(role.name())) {
                problems.add(new Finding(Kind.DUPLICATE_ROLE, field + ".name", null,
                        "role '" + role.name() + "' is defined more than once"));
            } else if (!owning.contains(role.name())) {
                problems.add(new Finding(Kind.ROLE_WITHOUT_STEPS, field, null,
                        "role '" + role.name() + "' owns no step"));
            }
        }
    }

    private static void checkSteps(ProcessDefinition definition, List<Finding> problems) {
        List<Step> steps = definition.steps();
        if (steps.isEmpty()) {
            problems.add(new Finding(Kind.NO_STEPS, "steps", null, "the flow has no steps"));
            return;
        }
        FlowGraph graph = new FlowGraph(definition);
        Set<String> reachable = graph.reachableFromStart();
        Set<String> reachingEnd = graph.reachingAnEnd();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String field = "steps[" + i + "]";
            if (!seen.add(step.id())) {
                problems.add(new Finding(Kind.DUPLICATE_STEP, field + ".id", step.id(),
                        "step id '" + step.id() + "' is used by more than one step"));
                continue;
            }
            if (isBlank(step.role())) {
                problems.add(new Finding(Kind.STEP_WITHOUT_ROLE, field + ".role", step.id(),
                        "step '" + step.id() + "' has no owning role"));
            } else if (definition.role(step.role()).isEmpty()) {
                problems.add(new Finding(Kind.UNKNOWN_ROLE, field + ".role", step.id(),
                        "step '" + step.id() + "' is owned by '" + step.role() + "', which is not a defined role"));
            }
            for (int n = 0; n < step.next().size(); n++) {
                String target = step.next().get(n);
                if (!graph.contains(target)) {
                    problems.add(new Finding(Kind.UNKNOWN_TRANSITION, field + ".next[" + n + "]", step.id(),
                            "step '" + step.id() + "' leads to '" + target + "', which is not a step"));
                }
            }
            if (!reachable.contains(step.id())) {
                problems.add(new Finding(Kind.UNREACHABLE_STEP, field, step.id(),
                        "step '" + step.id() + "' cannot be reached from the start step '" + steps.get(0).id() + "'"));
            }
            if (!reachingEnd.contains(step.id())) {
                problems.add(new Finding(Kind.NEVER_REACHES_END, field, step.id(),
                        "no path leads from step '" + step.id() + "' to an end step"));
            }
        }
    }

    private static void checkKeyPoints(ProcessDefinition definition, List<Finding> problems) {
        FlowGraph graph = new FlowGraph(definition);
        for (int i = 0; i < definition.keyPoints().size(); i++) {
            KeyPoint point = definition.keyPoints().get(i);
            if (!graph.contains(point.stepId())) {
                problems.add(new Finding(Kind.KEY_POINT_AT_UNKNOWN_STEP, "keyPoints[" + i + "].stepId",
                        point.stepId(), "key point names '" + point.stepId() + "', which is not a step"));
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
