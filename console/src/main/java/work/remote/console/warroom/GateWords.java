package work.remote.console.warroom;

import java.util.Map;

/** The four launch gates in the words of the playbook. */
public final class GateWords {

    private static final Map<String, String> NAMES = Map.of(
            "FINAL_ROUND_CONFIRMED", "Product confirmed the final onboarding round",
            "ONBOARDING_ATTENDED", "The CS lead and every CS agent took part in onboarding",
            "TRAINING_KIT_COMPLETE", "The training kit has all five sections",
            "TRAINING_DELIVERED", "The training was held and relayed to everyone absent");

    private GateWords() {
    }

    public static String of(String gate) {
        return NAMES.getOrDefault(gate, gate.replace('_', ' ').toLowerCase());
    }
}
