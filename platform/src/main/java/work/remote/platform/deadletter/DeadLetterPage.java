package work.remote.platform.deadletter;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of dead letters, in topic, partition and offset order. */
@Schema(name = "DeadLetterPage")
public record DeadLetterPage(List<DeadLetterView> items, int page, int size, long total) {
}
