package work.remote.events.ticket;

/** What a problem does to users. */
public enum Impact {
    /** Users cannot withdraw their money. */
    WITHDRAWAL_BLOCKED,
    /** Users cannot trade. */
    TRADING_BLOCKED,
    /** Balances, amounts or fees shown or booked are wrong. */
    FUNDS_INCORRECT,
    /** A feature cannot be used, money is not at stake. */
    FEATURE_UNAVAILABLE,
    /** Slow or intermittently failing. */
    DEGRADED,
    /** Looks wrong, works. */
    COSMETIC,
    /** No user impact (e.g. a question or a request). */
    NONE;

    /**
     * Whether the impact touches users' money: such a ticket is critical whatever the number of affected
     * users, is reported to product at once and must be resolved within 3 hours.
     */
    public boolean touchesFunds() {
        return this == WITHDRAWAL_BLOCKED || this == TRADING_BLOCKED || this == FUNDS_INCORRECT;
    }
}
