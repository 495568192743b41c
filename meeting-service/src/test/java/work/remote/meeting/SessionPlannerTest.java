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
        List<List<Invitee>> sessions = SessionPlanner.plan(HOST, group("R&D", 11), 6);
        assertThat(sessions).extracting(List::size).containsExactly(4, 4, 3);
    }

    @Test
    void smallGroupsShareASessionWhenTheyFit() {
        List<Invitee> invitees = new ArrayList<>(group("ops", 2));
        invitees.addAll(group("CS", 3));
        assertThat(SessionPlanner.plan(HOST, invitees, 6)).singleElement()
                .satisfies(session -> assertThat(session).hasSize(5));
    }

    @Test
    void theHostIsNotSplitButRunsEverySession() {
        List<Invitee> invitees = new ArrayList<>(group("CS", 5));
        invitees.add(new Invitee(HOST, "product", null));
        List<List<Invitee>> sessions = SessionPlanner.plan(HOST, invitees, 6);
        assertThat(sessions).singleElement().satisfies(session -> assertThat(session).hasSize(5)
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

        List<List<Invitee>> sessions = SessionPlanner.plan(HOST, invitees, maxParticipants);

        assertThat(sessions.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(invitees);
        assertThat(sessions).allSatisfy(session -> assertThat(Meeting.participants(HOST, session))
                .isLessThanOrEqualTo(maxParticipants));
        for (int g = 0; g < groups; g++) {
            String name = "group" + g;
            long size = invitees.stream().filter(invitee -> invitee.functionGroup().equals(name)).count();
            long minimum = (size + maxParticipants - 2) / (maxParticipants - 1);
            assertThat(sessions.stream().filter(session -> session.stream()
                    .anyMatch(invitee -> invitee.functionGroup().equals(name))).count())
                    .as("sessions holding %s", name).isEqualTo(minimum);
        }
    }
}
