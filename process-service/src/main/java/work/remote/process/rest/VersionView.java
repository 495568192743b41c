package work.remote.process.rest;

import java.time.Instant;
import java.util.UUID;

import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessVersion;

public record VersionView(UUID processId, int version, ProcessDefinition definition, String changeSummary,
        String publishedBy, Instant publishedAt) {

    public static VersionView of(ProcessVersion version) {
        return new VersionView(version.processId, version.number, version.definition, version.changeSummary,
                version.publishedBy, version.publishedAt);
    }
}
