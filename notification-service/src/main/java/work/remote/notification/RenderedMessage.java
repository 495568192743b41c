package work.remote.notification;

/**
 * One event rendered for the channels its targets need: a title, Slack Block Kit JSON, and an email in text and
 * HTML ({@code null} when no target is an email).
 */
public record RenderedMessage(String title, String slackBlocks, String emailText, String emailHtml) {
}
