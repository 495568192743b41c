package work.remote.notification.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import work.remote.notification.service.SlackChannelService;

/**
 * A Slack channel to register, or what a registered one becomes: bound to an incoming webhook ({@code webhookUrl}),
 * or to the Slack app's bot token and the channel's Slack id ({@code botToken} and {@code channelId}), with which
 * messages get buttons, threads and updates. {@code webhookUrl} and {@code botToken} are write-only: one of them is
 * required to register; all three left out keep the current binding; {@code channelId} alone moves a bot channel. Without {@code ratePerSecond} and {@code burst} the defaults apply
 * (about one message a second, bursts of 3); {@code unlimited} lifts the limit.
 */
public record SlackChannelRequest(
        @NotBlank @Pattern(regexp = SlackChannelService.NAME_PATTERN, message = "must be a channel name like #product")
        String name,
        @Size(max = 2000) String webhookUrl,
        @Pattern(regexp = SlackChannelService.BOT_TOKEN_PATTERN, message = "must be a Slack bot token (xoxb-…)")
        String botToken,
        @Pattern(regexp = SlackChannelService.CHANNEL_ID_PATTERN,
                message = "must be a Slack channel id like C0123ABCD (a channel, not a direct message)")
        String channelId,
        @Positive @Max(100) Double ratePerSecond,
        @Min(1) @Max(100) Integer burst,
        Boolean unlimited) {

    SlackChannelService.ChannelChange change() {
        return new SlackChannelService.ChannelChange(name, webhookUrl, botToken, channelId, ratePerSecond, burst,
                unlimited != null && unlimited);
    }
}
