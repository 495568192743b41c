package work.remote.notification.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import work.remote.notification.service.SlackChannelService;

/**
 * A Slack channel to register, or what a registered one becomes. {@code webhookUrl} is write-only: required to
 * register, left out to keep the current one. Without {@code ratePerSecond} and {@code burst} the defaults apply
 * (about one message a second, bursts of 3); {@code unlimited} lifts the limit.
 */
public record SlackChannelRequest(
        @NotBlank @Pattern(regexp = SlackChannelService.NAME_PATTERN, message = "must be a channel name like #product")
        String name,
        @Size(max = 2000) String webhookUrl,
        @Positive @Max(100) Double ratePerSecond,
        @Min(1) @Max(100) Integer burst,
        Boolean unlimited) {

    SlackChannelService.ChannelChange change() {
        return new SlackChannelService.ChannelChange(name, webhookUrl, ratePerSecond, burst,
                unlimited != null && unlimited);
    }
}
