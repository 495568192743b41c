package work.remote.process.flow;

import java.util.List;

import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessRole;

/** One fill colour per role, in the order the roles are defined, shared by every chart of a process. */
final class RolePalette {

    private static final List<String> FILLS = List.of("#cfe2ff", "#d1f2d1", "#ffe5b4", "#e8d5f5", "#ffd6d6",
            "#d5f0f0", "#f5f5c8", "#e6e6e6");
    static final String UNOWNED_FILL = "#ffffff";
    static final String KEY_POINT_STROKE = "#d62728";

    private final List<ProcessRole> roles;

    RolePalette(ProcessDefinition definition) {
        this.roles = definition.roles();
    }

    List<ProcessRole> roles() {
        return roles;
    }

    String fill(String roleName) {
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).name().equals(roleName)) {
                return FILLS.get(i % FILLS.size());
            }
        }
        return UNOWNED_FILL;
    }

    static String label(ProcessRole role) {
        return role.team() == null || role.team().isBlank() ? role.name() : role.name() + " (" + role.team() + ")";
    }
}
