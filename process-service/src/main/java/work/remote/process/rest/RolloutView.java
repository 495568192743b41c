package work.remote.process.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.platform.links.Links;
import work.remote.process.AdoptionFeedback;
import work.remote.process.Checklist;
import work.remote.process.Rollout;

/**
 * A rollout with its progress per person (by person id, with the name they last showed) and per key point, and who
 * has given adoption feedback and who was asked for it when.
 */
public record RolloutView(UUID id, UUID processId, String key, int version, String title, String startedBy,
        Instant startedAt,
        @Schema(description = "When whoever has not given adoption feedback is asked for it") Instant followUpAt,
        @Schema(description = "When they were asked; absent until the follow-up date came") Instant followedUpAt,
        List<PersonProgress> people, List<KeyPointProgress> keyPoints, String link) {

    public record PersonProgress(String person,
            @Schema(description = ChecklistView.NAME_AS_LAST_SHOWN) String personName, String role,
            String supervisor, @Schema(description = ChecklistView.NAME_AS_LAST_SHOWN) String supervisorName,
            long done, int total, Instant completedAt,
            @Schema(description = "When they gave adoption feedback; absent while they have not") Instant feedbackGivenAt,
            @Schema(description = "When the follow-up asked them for adoption feedback; absent unless it did")
            Instant feedbackRequestedAt) {
    }

    /** One key point across everyone who must check it: who has, who has not yet. */
    public record KeyPointProgress(String stepId, String check, List<String> checkedBy, List<String> pending) {
    }

    /** The rollout with its {@code checklists} and the adoption {@code feedback} given, linked below the service's URL. */
    public static RolloutView of(Rollout rollout, List<Checklist> checklists, List<AdoptionFeedback> feedback,
            Links links) {
        Map<String, Instant> givenAt = feedback.stream()
                .collect(Collectors.toMap(answer -> answer.person, answer -> answer.givenAt));
        List<PersonProgress> people = checklists.stream()
                .map(checklist -> new PersonProgress(checklist.person, checklist.personName, checklist.role,
                        checklist.supervisor, checklist.supervisorName, checklist.done(), checklist.lines.size(),
                        checklist.completedAt, givenAt.get(checklist.person), checklist.feedbackRequestedAt))
                .toList();
        List<KeyPointProgress> keyPoints = checklists.stream()
                .flatMap(checklist -> checklist.lines.stream().filter(Checklist.Line::keyPoint)
                        .map(line -> new KeyPointProgress(line.stepId(), line.text(), List.of(), List.of())))
                .distinct()
                .map(point -> progressOf(point, checklists))
                .toList();
        return new RolloutView(rollout.id, rollout.processId, rollout.processKey, rollout.version, rollout.title,
                rollout.startedBy, rollout.startedAt, rollout.followUpAt, rollout.followedUpAt, people, keyPoints,
                links.to("rollouts", rollout.id));
    }

    private static KeyPointProgress progressOf(KeyPointProgress point, List<Checklist> checklists) {
        List<Checklist> concerned = checklists.stream().filter(checklist -> checklist.lines.stream()
                .anyMatch(line -> line.keyPoint() && line.stepId().equals(point.stepId())
                        && line.text().equals(point.check())))
                .toList();
        return new KeyPointProgress(point.stepId(), point.check(),
                concerned.stream().filter(checklist -> ticked(checklist, point)).map(checklist -> checklist.person)
                        .toList(),
                concerned.stream().filter(checklist -> !ticked(checklist, point)).map(checklist -> checklist.person)
                        .toList());
    }

    private static boolean ticked(Checklist checklist, KeyPointProgress point) {
        return checklist.lines.stream().anyMatch(line -> line.keyPoint() && line.ticked()
                && line.stepId().equals(point.stepId()) && line.text().equals(point.check()));
    }
}
