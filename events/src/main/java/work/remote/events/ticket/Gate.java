package work.remote.events.ticket;

/** The conditions a launch must meet before it may start. */
public enum Gate {
    /** Product confirmed this onboarding round is the final one: no big rule changes left. */
    FINAL_ROUND_CONFIRMED,
    /** The CS lead and every CS agent took part in the final onboarding round. */
    ONBOARDING_ATTENDED,
    /** The training kit has all five sections. */
    TRAINING_KIT_COMPLETE,
    /** The training was held and relayed to every agent who missed it. */
    TRAINING_DELIVERED
}
