package work.remote.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import work.remote.events.meeting.Invitee;

/** A person invited to a meeting and, once the host took attendance, whether they were there. */
@Embeddable
public class Invitation {

    public String person;

    @Column(name = "function_group")
    public String functionGroup;

    /** Who relays the meeting to this person when they miss it; null when they report to nobody. */
    public String supervisor;

    /** Null until attendance is taken. */
    public Boolean present;

    public static Invitation of(Invitee invitee) {
        Invitation invitation = new Invitation();
        invitation.person = invitee.person();
        invitation.functionGroup = invitee.functionGroup();
        invitation.supervisor = invitee.supervisor();
        return invitation;
    }

    public Invitee toEvent() {
        return new Invitee(person, functionGroup, supervisor);
    }
}
