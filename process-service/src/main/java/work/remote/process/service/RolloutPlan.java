package work.remote.process.service;

import java.util.List;

/** Who gets a published {@code version} (the latest when null), each with the role whose checklist they follow. */
public record RolloutPlan(Integer version, List<Participant> participants) {

    public record Participant(String person, String role, String supervisor) {
    }
}
