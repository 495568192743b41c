package work.remote.notification.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import work.remote.events.ticket.Severity;
import work.remote.notification.service.RouteService;
import work.remote.notification.RouteTarget;
import work.remote.notification.TargetKind;

/**
 * A route to create, or what an existing one becomes. {@code eventType} is a {@code ce_type} or
 * {@code work.remote.<context>.*}; each condition left out matches every event; {@code level} (1 or 2) is the escalation level a {@code CriticalIssueEscalated}
 * must have; {@code enabled} defaults to true.
 */
public record RouteRequest(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 255) String eventType,
        Severity severity,
        UUID launchId,
        @Size(max = 255) String processKey,
        @Min(1) @Max(2) Integer level,
        Boolean enabled,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Target> targets) {

    /** A channel name, an address, a configured group, or the event field naming the channel or person. */
    public record Target(@NotNull TargetKind kind, @NotBlank @Size(max = 500) String value) {
    }

    RouteService.RouteDefinition definition() {
        return new RouteService.RouteDefinition(name, eventType, severity, launchId, processKey, level,
                enabled == null || enabled,
                targets.stream().map(target -> new RouteTarget(target.kind(), target.value())).toList());
    }
}
