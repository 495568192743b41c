package work.remote.process.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.process.Checklist;

public record ChecklistView(UUID id, UUID rolloutId,
        @Schema(description = "The participant's stable id (the token's sub)") String person,
        @Schema(description = NAME_AS_LAST_SHOWN) String personName,
        String role,
        @Schema(description = "Their supervisor's stable id (the token's sub)") String supervisor,
        @Schema(description = NAME_AS_LAST_SHOWN) String supervisorName,
        List<Line> lines, long done, int total, Instant completedAt,
        @Schema(description = "The revision to send back in If-Match (also the ETag)") long revision) {

    static final String NAME_AS_LAST_SHOWN = "The display name this person's token carried when they last acted here; "
            + "null until they do";

    /** A line; tick it with {@code POST .../lines/{index}/tick}. */
    public record Line(int index, String stepId, String text, boolean keyPoint, Instant tickedAt) {
    }

    public static ChecklistView of(Checklist checklist) {
        List<Line> lines = IntStream.range(0, checklist.lines.size()).mapToObj(index -> {
            Checklist.Line line = checklist.lines.get(index);
            return new Line(index, line.stepId(), line.text(), line.keyPoint(), line.tickedAt());
        }).toList();
        return new ChecklistView(checklist.id, checklist.rolloutId, checklist.person, checklist.personName,
                checklist.role, checklist.supervisor, checklist.supervisorName, lines, checklist.done(), lines.size(),
                checklist.completedAt, checklist.version);
    }
}
