package work.remote.platform.query;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The where clause of a list query, built from the filters a caller actually gave. */
public final class Criteria {

    private final StringJoiner where = new StringJoiner(" and ");
    private final Map<String, Object> parameters = new HashMap<>();

    public static Criteria where() {
        return new Criteria();
    }

    /** Adds {@code field = value} unless {@code value} is null. */
    public Criteria equal(String field, Object value) {
        if (value != null) {
            String parameter = field.replace('.', '_');
            where.add(field + " = :" + parameter);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds {@code clause} with its named parameters when {@code condition} holds. */
    public Criteria when(boolean condition, String clause, Map<String, ?> clauseParameters) {
        if (condition) {
            add(clause, clauseParameters);
        }
        return this;
    }

    /** Adds {@code clause} when {@code condition} holds. */
    public Criteria when(boolean condition, String clause) {
        return when(condition, clause, Map.of());
    }

    /** Adds {@code clause} with its named parameters. */
    public Criteria add(String clause, Map<String, ?> clauseParameters) {
        where.add("(" + clause + ")");
        parameters.putAll(clauseParameters);
        return this;
    }

    /** The HQL condition: every clause given, or {@code 1 = 1} when none was. */
    public String query() {
        return where.length() == 0 ? "1 = 1" : where.toString();
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }
}
