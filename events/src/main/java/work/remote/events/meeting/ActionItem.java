package work.remote.events.meeting;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** An improvement an after-action review commits to, with its owner and due date. */
public record ActionItem(UUID id, String description, String owner, LocalDate due) {

    public ActionItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(due, "due");
    }
}
