package work.remote.process.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.process.Process;
import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessStatus;

public record ProcessView(UUID id, String key, String title,
        @Schema(description = "The owner's stable id (the token's sub), as the draft names it") String owner,
        @Schema(description = "The owner's display name as their token carried it when they last changed the process; "
                + "null until they do") String ownerName,
        ProcessStatus status, Integer latestVersion,
        @Schema(description = "The open draft, when there is one") ProcessDefinition draft,
        Integer draftBasedOn, String draftChangeSummary,
        @Schema(description = "The revision to send back in If-Match (also the ETag)") long revision,
        @Schema(description = "The creator's stable id (the token's sub)") String createdBy, Instant createdAt,
        Instant updatedAt, Instant retiredAt, String retiredReason, String link) {

    public static ProcessView of(Process process, String link) {
        return new ProcessView(process.id, process.key, process.title, process.owner, process.ownerName,
                process.status, process.latestVersion, process.draft, process.draftBasedOn, process.draftChangeSummary,
                process.version, process.createdBy, process.createdAt, process.updatedAt, process.retiredAt,
                process.retiredReason, link);
    }
}
