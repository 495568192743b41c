package work.remote.process.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.process.Rehearsal;

public record RehearsalView(UUID id, UUID processId, int forVersion, List<String> walkedBy,
        List<Rehearsal.WalkedStep> steps, long unresolvedFindings, String waiverReason, String waivedBy,
        boolean clearsPublication, String recordedBy, Instant rehearsedAt,
        @Schema(description = "The revision to send back in If-Match (also the ETag)") long revision) {

    public static RehearsalView of(Rehearsal rehearsal) {
        return new RehearsalView(rehearsal.id, rehearsal.processId, rehearsal.forVersion, rehearsal.walkedBy,
                rehearsal.steps, rehearsal.unresolvedFindings(), rehearsal.waiverReason, rehearsal.waivedBy,
                rehearsal.clearsPublication(), rehearsal.recordedBy, rehearsal.rehearsedAt, rehearsal.version);
    }
}
