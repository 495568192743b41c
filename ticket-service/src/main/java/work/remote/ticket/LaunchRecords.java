package work.remote.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What has been recorded about a launch's gates: onboarding participations and training records, oldest first,
 * and the gates it passed. Loaded for many launches at once with one query per kind of record.
 */
public record LaunchRecords(List<OnboardingParticipation> onboarding, List<TrainingRecord> training,
        List<PassedGate> passedGates) {

    public static LaunchRecords of(UUID launchId) {
        return new LaunchRecords(OnboardingParticipation.of(launchId), TrainingRecord.of(launchId),
                PassedGate.of(launchId));
    }

    /** The records of each of {@code launchIds}, also of those with none. */
    public static Map<UUID, LaunchRecords> of(Collection<UUID> launchIds) {
        if (launchIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<OnboardingParticipation>> onboarding = OnboardingParticipation
                .<OnboardingParticipation> list("launchId in ?1 order by recordedAt", launchIds).stream()
                .collect(Collectors.groupingBy(participation -> participation.launchId));
        Map<UUID, List<TrainingRecord>> training = TrainingRecord
                .<TrainingRecord> list("launchId in ?1 order by at", launchIds).stream()
                .collect(Collectors.groupingBy(record -> record.launchId));
        Map<UUID, List<PassedGate>> passedGates = PassedGate.<PassedGate> list("launchId in ?1", launchIds).stream()
                .collect(Collectors.groupingBy(gate -> gate.launchId));
        return launchIds.stream().distinct().collect(Collectors.toMap(Function.identity(),
                id -> new LaunchRecords(onboarding.getOrDefault(id, List.of()), training.getOrDefault(id, List.of()),
                        passedGates.getOrDefault(id, List.of()))));
    }
}
