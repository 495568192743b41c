package work.remote.events.process;

import java.util.Objects;

/**
 * One line of a personal checklist, in flow order.
 *
 * @param stepId the flow step the item comes from
 * @param text what to do, or for a key point what must be checked
 * @param keyPoint whether the step is a key (error-prone) point
 */
public record ChecklistItem(String stepId, String text, boolean keyPoint) {

    public ChecklistItem {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(text, "text");
    }
}
