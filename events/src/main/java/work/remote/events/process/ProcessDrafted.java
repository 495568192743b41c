package work.remote.events.process;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * A draft of a process was created: a brand-new process, or a refinement of a published version.
 *
 * @param key the process's stable, human-readable key (e.g. {@code feature-launch})
 * @param basedOnVersion the published version this draft refines; {@code null} for a new process
 * @param changeSummary why the refinement is made; {@code null} for a new process
 */
public record ProcessDrafted(
        UUID processId,
        String key,
        String title,
        String owner,
        Integer basedOnVersion,
        String changeSummary,
        String draftedBy,
        Instant draftedAt,
        String link) implements DomainEvent {

    public ProcessDrafted {
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(owner, "owner");
        if (basedOnVersion != null && basedOnVersion < 1) {
            throw new IllegalArgumentException("basedOnVersion must be at least 1: " + basedOnVersion);
        }
        Objects.requireNonNull(draftedBy, "draftedBy");
        Objects.requireNonNull(draftedAt, "draftedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return processId.toString();
    }
}
