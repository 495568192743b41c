package work.remote.meeting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import work.remote.events.meeting.Invitee;

/**
 * Splits an invitee list into sessions no larger than a meeting kind allows, one function group per session, as the
 * playbook asks: over six people, each group (R&D, CS, ops) holds a separate discussion with its own focus. The host
 * attends every session, so each session holds at most {@code maxParticipants - 1} other invitees. A group too big
 * for one session is split into sessions of balanced size. Only when asked to mix small groups do groups that fit
 * together share a session. Everybody lands in exactly one session.
 */
public final class SessionPlanner {

    private SessionPlanner() {
    }

    /** The invitees of one session, and its focus: the function group it discusses for (groups, when mixed). */
    public record Session(String focus, List<Invitee> invitees) {
    }

    public static List<Session> plan(String host, List<Invitee> invitees, int maxParticipants,
            boolean mixSmallGroups) {
        List<Invitee> others = invitees.stream().filter(invitee -> !invitee.person().equals(host)).toList();
        if (others.isEmpty()) {
            return List.of(new Session(null, List.copyOf(invitees)));
        }
        int capacity = maxParticipants - 1;
        List<List<Invitee>> chunks = new ArrayList<>();
        for (List<Invitee> group : byFunctionGroup(others).values()) {
            chunks.addAll(balancedChunks(group, capacity));
        }
        List<List<Invitee>> sessions = mixSmallGroups ? packLargestFirst(chunks, capacity) : chunks;
        return sessions.stream().map(session -> new Session(focusOf(session), List.copyOf(session))).toList();
    }

    private static Map<String, List<Invitee>> byFunctionGroup(List<Invitee> invitees) {
        Map<String, List<Invitee>> groups = new LinkedHashMap<>();
        invitees.forEach(invitee -> groups.computeIfAbsent(invitee.functionGroup(), group -> new ArrayList<>())
                .add(invitee));
        return groups;
    }

    /** A group cut into as few pieces as fit, whose sizes differ by at most one. */
    private static List<List<Invitee>> balancedChunks(List<Invitee> group, int capacity) {
        int pieces = (group.size() + capacity - 1) / capacity;
        List<List<Invitee>> chunks = new ArrayList<>();
        int from = 0;
        for (int piece = 0; piece < pieces; piece++) {
            int size = group.size() / pieces + (piece < group.size() % pieces ? 1 : 0);
            chunks.add(group.subList(from, from + size));
            from += size;
        }
        return chunks;
    }

    /** First-fit decreasing: the biggest pieces open sessions, smaller ones join the first session with room. */
    private static List<List<Invitee>> packLargestFirst(List<List<Invitee>> chunks, int capacity) {
        List<List<Invitee>> sessions = new ArrayList<>();
        chunks.stream().sorted(Comparator.comparingInt((List<Invitee> chunk) -> chunk.size()).reversed())
                .forEach(chunk -> sessions.stream()
                        .filter(session -> session.size() + chunk.size() <= capacity)
                        .findFirst()
                        .ifPresentOrElse(session -> session.addAll(chunk), () -> sessions.add(new ArrayList<>(chunk))));
        return sessions;
    }

    private static String focusOf(List<Invitee> session) {
        LinkedHashSet<String> groups = new LinkedHashSet<>();
        session.forEach(invitee -> groups.add(invitee.functionGroup()));
        return String.join(" + ", groups);
    }
}
