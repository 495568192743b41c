package work.remote.process.service;

import java.util.List;
import java.util.UUID;

/**
 * Publishing the open draft; without a {@code changeSummary} a refinement is published with the summary given when
 * it was opened. {@code addressedImprovements} are the improvement items this version deals with.
 */
public record Publication(String changeSummary, List<UUID> addressedImprovements) {

    public Publication {
        addressedImprovements = addressedImprovements == null ? List.of() : List.copyOf(addressedImprovements);
    }
}
