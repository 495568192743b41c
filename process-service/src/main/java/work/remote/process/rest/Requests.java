package work.remote.process.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.process.service.ProcessService;
import work.remote.process.service.ProcessService.Publication;
import work.remote.process.service.ProcessService.Reviewer;
import work.remote.process.service.RehearsalService.Walkthrough;
import work.remote.process.service.RolloutService;
import work.remote.process.service.RolloutService.AdoptionAnswer;

/** The small request bodies of the process and rollout APIs. */
public final class Requests {

    /** Request bodies name people by the id their tokens carry, never by a display name that may change. */
    static final String PERSON_ID = "The person's stable id (the token's sub)";

    private Requests() {
    }

    /** Open a new draft from the latest published version, saying why. */
    public record Refine(@NotBlank @Size(max = 2_000) String changeSummary) {
    }

    /**
     * Publish the open draft; without a {@code changeSummary} a refinement is published with the summary given when
     * it was opened. {@code addressedImprovements} closes improvement items this version deals with.
     */
    public record Publish(@Size(max = 2_000) String changeSummary,
            @Size(max = 200) List<@NotNull UUID> addressedImprovements,
            @Schema(description = "Admins only: publish although the draft lacks a self-rehearsal that clears it, for "
                    + "this reason, which the version and ProcessPublished keep") @Size(max = 2_000)
            String withoutRehearsalReason) {

        public Publication command() {
            return new Publication(changeSummary, addressedImprovements, withoutRehearsalReason);
        }
    }

    public record Retire(@Size(max = 2_000) String reason) {
    }

    /** A person asked to discuss the draft: meeting-service groups sessions by function and relays through the supervisor. */
    public record ReviewParticipant(@Schema(description = PERSON_ID) @NotBlank @Size(max = 200) String person,
            @NotBlank @Size(max = 100) String functionGroup,
            @Schema(description = PERSON_ID) @Size(max = 200) String supervisor) {

        Reviewer command() {
            return new Reviewer(person, functionGroup, supervisor);
        }
    }

    /** At most 300 participants: their {@code ProcessReviewRequested} stays under about 500 KB. */
    public record Review(@NotEmpty @Size(max = 300) List<@Valid @NotNull ReviewParticipant> participants,
            @Schema(description = "Let small function groups share a discussion session when they fit; by default "
                    + "each session holds one function group, as the playbook asks") Boolean mixSmallGroups) {

        public ProcessService.ReviewRequest command() {
            return new ProcessService.ReviewRequest(participants.stream().map(ReviewParticipant::command).toList(),
                    Boolean.TRUE.equals(mixSmallGroups));
        }
    }

    /** One step as walked in a rehearsal; a {@code problem} is a finding that must be resolved or waived. */
    public record WalkedStep(@NotBlank @Size(max = 80) String stepId, @Size(max = 2_000) String note,
            @Size(max = 2_000) String problem) {

        Walkthrough.Step command() {
            return new Walkthrough.Step(stepId, note, problem);
        }
    }

    public record Rehearse(
            @Schema(description = "Person ids (the tokens' sub)") @NotEmpty @Size(max = 50)
            List<@NotBlank @Size(max = 200) String> walkedBy,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull WalkedStep> steps) {

        public Walkthrough command() {
            return new Walkthrough(walkedBy, steps.stream().map(WalkedStep::command).toList());
        }
    }

    public record Resolve(@NotBlank @Size(max = 2_000) String resolution) {
    }

    public record Waive(@NotBlank @Size(max = 2_000) String reason) {
    }

    public record RolloutParticipant(@Schema(description = PERSON_ID) @NotBlank @Size(max = 200) String person,
            @NotBlank @Size(max = 100) String role,
            @Schema(description = PERSON_ID) @Size(max = 200) String supervisor) {

        RolloutService.Plan.Participant command() {
            return new RolloutService.Plan.Participant(person, role, supervisor);
        }
    }

    /** Roll out published {@code version} (the latest when absent) to these people. */
    public record StartRollout(@Min(1) Integer version,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull RolloutParticipant> participants,
            @Schema(description = "When whoever has not given adoption feedback is asked for it: after the start and "
                    + "at most process.adoption-follow-up.at-most-after (365 days) later; 14 days after the start "
                    + "when absent") Instant followUpAt) {

        public RolloutService.Plan command() {
            return new RolloutService.Plan(version, participants.stream().map(RolloutParticipant::command).toList(),
                    followUpAt);
        }
    }

    public record Adoption(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 4_000) String problems,
            @Size(max = 4_000) String suggestions) {

        public AdoptionAnswer command() {
            return new AdoptionAnswer(rating, problems, suggestions);
        }
    }
}
