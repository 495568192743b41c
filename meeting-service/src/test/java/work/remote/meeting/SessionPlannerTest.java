package work.remote.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import work.remote.events.meeting.Invitee;

/** Splitting invitee lists into sessions: nobody dropped or twice, each session within the size, groups kept together. */
class SessionPlannerTest {

    private static final String HOST = "host";

    static List<Invitee> group(String name, int count) {
        List<Invitee> people = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            people.add(new Invitee(name + "-" + i, name, name + "-lead"));
        }
        return people;
    }

    @Test
    void aGroupTooBigForOneSessionIsSplitIntoBalancedSessions() {
        List<SessionPlanner.Session> sessions = SessionPlanner.plan(HOST, group("R&D", 11), 6, false);
        assertThat(sessions).extracting(session -> session.invitees().size()).containsExactly(4, 4, 3);
        assertThat(sessions).extracting(SessionPlanner.Session::focus).containsOnly("R&D");
    }

    @Test
    void eachSessionHoldsOneFunctionGroupWithItsOwnFocus() {
        List<Invitee> invitees = new ArrayList<>(group("R&D", 3));
        invitees.addAll(group("CS", 7));
        invitees.addAll(group("ops", 2));

        List<SessionPlanner.Session> sessions = SessionPlanner.plan(HOST, invitees, 6, false);

        assertThat(sessions).extracting(SessionPlanner.Session::focus).containsExactly("R&D", "CS", "CS", "ops");
        assertThat(sessions).extracting(session -> session.invitees().size()).containsExactly(3, 4, 3, 2);
        assertThat(sessions).allSatisfy(session -> assertThat(session.invitees())
                .extracting(Invitee::functionGroup).containsOnly(session.focus()));
    }

    @Test
    void smallGroupsShareASessionOnlyWhenAskedToMixThem() {
        List<Invitee> invitees = new ArrayList<>(group("ops", 2));
        invitees.addAll(group("CS", 3));

        assertThat(SessionPlanner.plan(HOST, invitees, 6, false)).extracting(SessionPlanner.Session::focus)
                .containsExactly("ops", "CS");
        assertThat(SessionPlanner.plan(HOST, invitees, 6, true)).singleElement().satisfies(session -> {
            assertThat(session.invitees()).hasSize(5);
            assertThat(session.focus()).isEqualTo("CS + ops");
        });
    }

    @Test
    void theHostIsNotSplitButRunsEverySession() {
        List<Invitee> invitees = new ArrayList<>(group("CS", 5));
        invitees.add(new Invitee(HOST, "product", null));
        List<SessionPlanner.Session> sessions = SessionPlanner.plan(HOST, invitees, 6, false);
        assertThat(sessions).singleElement().satisfies(session -> assertThat(session.invitees()).hasSize(5)
                .extracting(Invitee::person).doesNotContain(HOST));
    }

    @RepeatedTest(25)
    void everyInviteeLandsInExactlyOneSessionWithinTheSize() {
        Random random = new Random();
        List<Invitee> invitees = new ArrayList<>();
        int groups = 1 + random.nextInt(5);
        for (int g = 0; g < groups; g++) {
            invitees.addAll(group("group" + g, 1 + random.nextInt(15)));
        }
        int maxParticipants = 2 + random.nextInt(11);
        boolean mixSmallGroups = random.nextBoolean();

        List<SessionPlanner.Session> sessions = SessionPlanner.plan(HOST, invitees, maxParticipants, mixSmallGroups);

        assertThat(sessions.stream().flatMap(session -> session.invitees().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(invitees);
        assertThat(sessions).allSatisfy(session -> assertThat(Meeting.participants(HOST, session.invitees()))
                .isLessThanOrEqualTo(maxParticipants));
        for (int g = 0; g < groups; g++) {
            String name = "group" + g;
            long size = invitees.stream().filter(invitee -> invitee.functionGroup().equals(name)).count();
            long minimum = (size + maxParticipants - 2) / (maxParticipants - 1);
            assertThat(sessions.stream().filter(session -> session.invitees().stream()
                    .anyMatch(invitee -> invitee.functionGroup().equals(name))).count())
                    .as("sessions holding %s", name).isEqualTo(minimum);
        }
        if (!mixSmallGroups) {
            assertThat(sessions).allSatisfy(session -> assertThat(session.invitees())
                    .extracting(Invitee::functionGroup).containsOnly(session.focus()));
        }
    }
}
