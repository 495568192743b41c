package work.remote.process.service;

import java.util.List;

/** A dry run of the draft's flow: who walked it and each step as walked. */
public record Walkthrough(List<String> walkedBy, List<Step> steps) {

    /** One step as walked; a {@code problem} is a finding that must be resolved or waived. */
    public record Step(String stepId, String note, String problem) {
    }
}
