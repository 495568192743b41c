package work.remote.ticket.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import work.remote.events.ticket.Gate;
import work.remote.ticket.Launch;
import work.remote.ticket.LaunchRecords;
import work.remote.ticket.TrainingRecord;
import work.remote.ticket.TrainingRecord.Outcome;

/** Judges a launch's four gates from what has been recorded, and says what each open gate still misses. */
@ApplicationScoped
public class LaunchGates {

    /** One gate: passed, or open with what is missing, in words a person can act on. */
    public record Status(Gate gate, boolean passed, List<String> missing) {
    }

    public List<Status> evaluate(Launch launch, LaunchRecords records) {
        return List.of(finalRound(launch), onboarding(launch, records), trainingKit(launch), training(launch, records));
    }

    public static Set<Gate> passed(List<Status> statuses) {
        Set<Gate> passed = EnumSet.noneOf(Gate.class);
        statuses.stream().filter(Status::passed).forEach(status -> passed.add(status.gate()));
        return passed;
    }

    public static List<Gate> open(List<Status> statuses) {
        return statuses.stream().filter(status -> !status.passed()).map(Status::gate).toList();
    }

    private static Status finalRound(Launch launch) {
        return status(Gate.FINAL_ROUND_CONFIRMED, launch.finalRoundConfirmedAt != null ? List.of()
                : List.of("product has not confirmed the final onboarding round (no big rule changes left)"));
    }

    private static Status onboarding(Launch launch, LaunchRecords records) {
        Set<String> participants = records.onboarding().stream().map(p -> p.person)
                .collect(Collectors.toSet());
        List<String> missing = launch.csTeam().stream().filter(person -> !participants.contains(person))
                .map(person -> person + " has not taken part in the final onboarding round").toList();
        return status(Gate.ONBOARDING_ATTENDED, missing);
    }

    private static Status trainingKit(Launch launch) {
        List<String> missing = launch.trainingKit == null
                ? List.of("no training kit yet")
                : launch.trainingKit.missingSections().stream().map(section -> "training kit section " + section
                        + " is empty").toList();
        return status(Gate.TRAINING_KIT_COMPLETE, missing);
    }

    private static Status training(Launch launch, LaunchRecords launchRecords) {
        List<TrainingRecord> records = launchRecords.training();
        List<String> missing = new ArrayList<>();
        if (records.stream().noneMatch(record -> record.outcome == Outcome.ATTENDED)) {
            missing.add("no training has been held yet");
        }
        for (String person : launch.csTeam()) {
            Set<Outcome> outcomes = records.stream().filter(record -> record.person.equals(person))
                    .map(record -> record.outcome).collect(Collectors.toSet());
            if (outcomes.contains(Outcome.ATTENDED) || outcomes.contains(Outcome.RELAYED)) {
                continue;
            }
            missing.add(outcomes.contains(Outcome.ABSENT)
                    ? person + " missed the training and its relay has not been acknowledged"
                    : person + " has not been trained");
        }
        return status(Gate.TRAINING_DELIVERED, missing);
    }

    private static Status status(Gate gate, List<String> missing) {
        return new Status(gate, missing.isEmpty(), missing);
    }
}
