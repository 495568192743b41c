package work.remote.process.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessVersion;

public record VersionView(UUID processId, int version, ProcessDefinition definition, String changeSummary,
        String publishedBy, Instant publishedAt,
        @Schema(description = "The self-rehearsal that cleared the draft; absent when an admin published without one")
        UUID rehearsalId,
        @Schema(description = "Why an admin published the draft without a self-rehearsal; absent when it was "
                + "rehearsed") String withoutRehearsalReason) {

    public static VersionView of(ProcessVersion version) {
        return new VersionView(version.processId, version.number, version.definition, version.changeSummary,
                version.publishedBy, version.publishedAt, version.rehearsalId, version.withoutRehearsalReason);
    }
}
