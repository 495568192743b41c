package work.remote.meeting.service;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/** The where clause of a list query, built from the filters a caller actually gave. */
public final class Filter {

    private final StringJoiner where = new StringJoiner(" and ");
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code field = value} unless {@code value} is null. */
    public Filter equal(String field, Object value) {
        if (value != null) {
            String parameter = field.replace('.', '_');
            where.add(field + " = :" + parameter);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds {@code clause} when {@code condition} holds. */
    public Filter when(boolean condition, String clause) {
        if (condition) {
            where.add(clause);
        }
        return this;
    }

    public String query() {
        return where.length() == 0 ? "1 = 1" : where.toString();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
