package work.remote.notification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.JsonNode;

/** An event as it would arrive: its {@code ce_type} and its data. */
public record DryRunRequest(@NotBlank String ceType, @NotNull JsonNode data) {
}
