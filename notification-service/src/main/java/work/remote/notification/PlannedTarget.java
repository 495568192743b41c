package work.remote.notification;

import work.remote.events.notification.Channel;

/**
 * Where one message goes: a Slack channel name or an email recipient (an address, or a person's id when no address
 * is known for them yet), and the route that chose it.
 */
public record PlannedTarget(Channel channel, String target, String route) {
}
