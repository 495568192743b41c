package work.remote.process.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import work.remote.process.ImprovementItem;

public record ImprovementView(UUID id, UUID retrospectiveId, String retrospectiveTitle, UUID actionItemId,
        String description, String owner, LocalDate due, Instant recordedAt, Integer addressedInVersion) {

    public static ImprovementView of(ImprovementItem item) {
        return new ImprovementView(item.id, item.retrospectiveId, item.retrospectiveTitle, item.actionItemId,
                item.description, item.owner, item.due, item.recordedAt, item.addressedInVersion);
    }
}
