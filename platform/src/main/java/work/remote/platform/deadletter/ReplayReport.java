package work.remote.platform.deadletter;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a replay published again ({@code replayed}) and what it passed over because it names no original topic. */
@Schema(name = "DeadLetterReplay")
public record ReplayReport(List<DeadLetterView> replayed, List<DeadLetterView> skipped) {
}
