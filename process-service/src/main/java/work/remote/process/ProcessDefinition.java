package work.remote.process;

import java.util.List;
import java.util.Optional;

/** Everything a draft or a published version says: outline, roles, flow and key points. */
public record ProcessDefinition(String title, String owner, Outline outline, List<ProcessRole> roles,
        List<Step> steps, List<KeyPoint> keyPoints) {

    public ProcessDefinition {
        outline = outline == null ? Outline.EMPTY : outline;
        roles = roles == null ? List.of() : List.copyOf(roles);
        steps = steps == null ? List.of() : List.copyOf(steps);
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
    }

    public List<KeyPoint> keyPointsAt(String stepId) {
        return keyPoints.stream().filter(point -> point.stepId().equals(stepId)).toList();
    }

    public Optional<ProcessRole> role(String name) {
        return roles.stream().filter(role -> role.name().equals(name)).findFirst();
    }
}
