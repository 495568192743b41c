package work.remote.ticket.rest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.events.ticket.Gate;
import work.remote.events.ticket.LaunchState;
import work.remote.ticket.Launch;
import work.remote.ticket.LaunchRecords;
import work.remote.ticket.PassedGate;
import work.remote.ticket.TrainingKit;
import work.remote.ticket.TrainingRecord;
import work.remote.ticket.service.LaunchSearch;

public record LaunchView(UUID id, String feature, LaunchState state,
        @Schema(description = "The planned launch time as an instant") Instant plannedLaunchAt,
        @Schema(description = "The same time in the launch's zone", example = "2026-12-01T09:00+01:00[Europe/Berlin]")
        ZonedDateTime plannedLaunchLocal,
        String timeZone, String productOwner, String csLead, List<String> csAgents, String csChannel,
        String rulesDocumentLink, int rulesDocumentVersion,
        @Schema(description = "Each gate, passed or open with what is missing") List<GateView> gates,
        List<ParticipationView> onboarding, List<TrainingView> training, TrainingKit trainingKit,
        UUID parentTicketId, String parentTicketLink, Instant plannedAt, Instant startedAt, String startedBy,
        Instant closedAt, String closedBy, long version, String link) {

    public record GateView(Gate gate, boolean passed, Instant passedAt, String passedBy, List<String> missing) {
    }

    public record ParticipationView(
            @Schema(description = "The participant's stable id (the token's sub)") String person,
            @Schema(description = "Their display name as last learned from them; null until they record their own part")
            String personName,
            List<String> userQuestions, Instant recordedAt, String recordedBy) {
    }

    public record TrainingView(String person, TrainingRecord.Outcome outcome, UUID meetingId, Instant at,
            String recordedBy) {
    }

    public static LaunchView of(LaunchSearch.Overview overview, String parentTicketLink, String link) {
        Launch launch = overview.launch();
        LaunchRecords records = overview.records();
        Map<Gate, PassedGate> passed = records.passedGates().stream()
                .collect(Collectors.toMap(gate -> gate.gate, Function.identity()));
        List<GateView> gateViews = overview.gates().stream().map(status -> {
            PassedGate first = passed.get(status.gate());
            return new GateView(status.gate(), status.passed(), first == null ? null : first.passedAt,
                    first == null ? null : first.passedBy, status.missing());
        }).toList();
        List<ParticipationView> onboarding = records.onboarding().stream()
                .map(p -> new ParticipationView(p.person, p.personName, p.userQuestions, p.recordedAt,
                        p.recordedBy)).toList();
        List<TrainingView> training = records.training().stream()
                .map(r -> new TrainingView(r.person, r.outcome, r.meetingId, r.at, r.recordedBy)).toList();
        return new LaunchView(launch.id, launch.feature, launch.state, launch.plannedLaunchAt,
                launch.plannedLaunchLocal(), launch.timeZone, launch.productOwner,
                launch.csLead, launch.csAgents, launch.csChannel, launch.rulesDocumentLink, launch.rulesDocumentVersion,
                gateViews, onboarding, training, launch.trainingKit, launch.parentTicketId, parentTicketLink,
                launch.plannedAt, launch.startedAt, launch.startedBy, launch.closedAt, launch.closedBy, launch.version,
                link);
    }
}
