package work.remote.notification.delivery;

/** One event rendered for every channel: a title, Slack Block Kit JSON, and an email in text and HTML. */
public record RenderedMessage(String title, String slackBlocks, String emailText, String emailHtml) {
}
