package work.remote.notification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

/** An event as it would arrive: its {@code ce_type} and its data. */
public record DryRunRequest(@NotBlank @Size(max = 255) String ceType, @NotNull JsonNode data) {
}
