package work.remote.ticket;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What product hands CS before a launch. The kit may be saved while incomplete; the training gate passes only
 * when all five sections are written.
 */
@Schema(description = "The training kit: five sections, each needed before the launch may start")
public record TrainingKit(
        @Size(max = 4_000) @Schema(description = "When the launch happens, with its zone") String launchTime,
        @Size(max = 10_000) @Schema(description = "What happens during and after the launch") String duringAndAfterLaunch,
        @Size(max = 200) List<@NotNull @Valid ExpectedQuestion> expectedQuestions,
        @Size(max = 100) List<@NotNull @Valid BackOfficeOperation> backOfficeOperations,
        @Size(max = 4_000) @Schema(description = "How to report a technical problem") String reportingTechnicalProblems) {

    public static final List<String> SECTIONS = List.of("launchTime", "duringAndAfterLaunch", "expectedQuestions",
            "backOfficeOperations", "reportingTechnicalProblems");

    public TrainingKit {
        expectedQuestions = expectedQuestions == null ? List.of() : List.copyOf(expectedQuestions);
        backOfficeOperations = backOfficeOperations == null ? List.of() : List.copyOf(backOfficeOperations);
    }

    /** A question users will ask, with the answer CS gives. */
    public record ExpectedQuestion(@NotBlank @Size(max = 2_000) String question,
            @NotBlank @Size(max = 4_000) String answer) {
    }

    /** A back-office operation, who may perform it and how. */
    public record BackOfficeOperation(@NotBlank @Size(max = 200) String operation,
            @NotBlank @Size(max = 200) String whoMayPerform, @NotBlank @Size(max = 4_000) String how) {
    }

    /** The sections still empty, by field name, in the kit's order. */
    public List<String> missingSections() {
        List<String> missing = new ArrayList<>();
        if (isBlank(launchTime)) {
            missing.add(SECTIONS.get(0));
        }
        if (isBlank(duringAndAfterLaunch)) {
            missing.add(SECTIONS.get(1));
        }
        if (expectedQuestions.isEmpty()) {
            missing.add(SECTIONS.get(2));
        }
        if (backOfficeOperations.isEmpty()) {
            missing.add(SECTIONS.get(3));
        }
        if (isBlank(reportingTechnicalProblems)) {
            missing.add(SECTIONS.get(4));
        }
        return missing;
    }

    private static boolean isBlank(String section) {
        return section == null || section.isBlank();
    }
}
