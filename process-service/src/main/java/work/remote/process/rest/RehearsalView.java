package work.remote.process.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.process.Rehearsal;

public record RehearsalView(UUID id, UUID processId, int forVersion,
        @Schema(description = "The edit of the draft it walked; it counts for publishing only while the draft has "
                + "not been edited since") int draftEdit,
        List<String> walkedBy, List<Rehearsal.WalkedStep> steps,
        @Schema(description = "Ids of the draft's steps it did not walk, in flow order") List<String> stepsNotWalked,
        long unresolvedFindings, String waiverReason, String waivedBy,
        @Schema(description = "Every step walked and every finding resolved or waived: the edit it walked may be "
                + "published") boolean clearsPublication,
        String recordedBy, Instant rehearsedAt,
        @Schema(description = "The revision to send back in If-Match (also the ETag)") long revision) {

    public static RehearsalView of(Rehearsal rehearsal) {
        return new RehearsalView(rehearsal.id, rehearsal.processId, rehearsal.forVersion, rehearsal.draftEdit,
                rehearsal.walkedBy, rehearsal.steps, rehearsal.stepsNotWalked, rehearsal.unresolvedFindings(),
                rehearsal.waiverReason, rehearsal.waivedBy, rehearsal.clearsPublication(), rehearsal.recordedBy,
                rehearsal.rehearsedAt, rehearsal.version);
    }
}
