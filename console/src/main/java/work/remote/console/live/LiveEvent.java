package work.remote.console.live;

import java.util.Set;

/**
 * One event of the services as the pages see it.
 *
 * @param sequence its place in the console's buffer, the number in its SSE id
 * @param type the event name, e.g. {@code CriticalIssueReported}
 * @param about the ids it concerns: the Kafka key, the CloudEvents subject and the ids in its data
 * @param summary one sentence in words, for a page's live region
 */
public record LiveEvent(long sequence, String type, Set<String> about, String summary) {

    public boolean concerns(String id) {
        return id == null || about.contains(id);
    }
}
