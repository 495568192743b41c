package work.remote.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import work.remote.events.meeting.AgendaItem.Phase;

/** The generated agenda: presentation, reading, carried-over parking-lot items, discussion for the rest. */
class AgendaTest {

    static List<ParkingLotItem> parked(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            ParkingLotItem item = new ParkingLotItem();
            item.id = UUID.randomUUID();
            item.proposal = "proposal " + i;
            item.proposedBy = "someone";
            return item;
        }).toList();
    }

    @Test
    void agendaTimeboxesAddUpWhateverIsParked() {
        for (int minutes = 15; minutes <= 90; minutes++) {
            for (int parked = 0; parked <= 12; parked += 3) {
                List<AgendaSlot> agenda = Agenda.generate(minutes, Agenda.defaultPresentationMinutes(minutes), "X",
                        null, null, parked(parked));
                assertThat(agenda.stream().mapToInt(slot -> slot.plannedMinutes).sum()).isEqualTo(minutes);
                assertThat(agenda.get(0).phase).isEqualTo(Phase.PRESENTATION);
                assertThat(agenda.get(0).plannedMinutes).isBetween(5, 10);
                assertThat(agenda.get(1).phase).isEqualTo(Phase.READING);
                assertThat(agenda.get(1).plannedMinutes).isEqualTo(5);
                assertThat(agenda.get(agenda.size() - 1).phase).isEqualTo(Phase.DISCUSSION);
                assertThat(agenda.get(agenda.size() - 1).plannedMinutes).isGreaterThanOrEqualTo(5);
            }
        }
    }

    @Test
    void parkedItemsThatDoNotFitWaitForTheNextMeeting() {
        List<ParkingLotItem> parked = parked(10);
        List<AgendaSlot> agenda = Agenda.generate(30, 10, "X", null, null, parked);
        assertThat(agenda).extracting(slot -> slot.parkingLotItemId).filteredOn(id -> id != null)
                .containsExactly(parked.get(0).id, parked.get(1).id, parked.get(2).id);
        assertThat(agenda.get(agenda.size() - 1).plannedMinutes).isEqualTo(6);
    }

    @Test
    void aSessionsDiscussionNamesItsFocus() {
        assertThat(Agenda.generate(30, 10, "Refund escalation", "ops", null, List.of()).get(2).topic)
                .isEqualTo("Questions and discussion, focus: ops");
        assertThat(Agenda.generate(30, 10, "Refund escalation", null, null, List.of()).get(2).topic)
                .isEqualTo("Questions and discussion");
    }
}
