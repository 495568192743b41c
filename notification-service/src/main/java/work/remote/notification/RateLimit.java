package work.remote.notification;

/** How fast a channel may be sent to: {@code perSecond} on average after a burst; no limit when it is null. */
public record RateLimit(Double perSecond, int burst) {

    public static RateLimit unlimited() {
        return new RateLimit(null, 1);
    }

    public boolean limited() {
        return perSecond != null;
    }
}
