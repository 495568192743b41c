package work.remote.process;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 5W1H outline of a process; a draft may leave fields empty, publishing needs all six. */
@Schema(description = "5W1H: why the process exists, what it covers, who takes part, when and where it runs, how")
public record Outline(
        @Size(max = 4_000) String why,
        @Size(max = 4_000) String what,
        @Size(max = 4_000) String who,
        @Size(max = 4_000) String when,
        @Size(max = 4_000) String where,
        @Size(max = 4_000) String how) {

    public static final Outline EMPTY = new Outline(null, null, null, null, null, null);

    /** The six fields by name, in 5W1H order; values may be null. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("why", why);
        fields.put("what", what);
        fields.put("who", who);
        fields.put("when", when);
        fields.put("where", where);
        fields.put("how", how);
        return fields;
    }
}
