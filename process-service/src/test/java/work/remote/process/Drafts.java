package work.remote.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;

import work.remote.process.rest.DraftRequest;

/** Drafts for tests: a small review flow with a branch and a loop, and the seeded feature-launch example. */
public final class Drafts {

    public static final Outline FULL_OUTLINE = new Outline("So nothing ships unreviewed", "Reviewing a document",
            "An author and a reviewer", "Before a document is shared", "In the shared drive", "Draft, review, fix");

    private Drafts() {
    }

    public static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** draft (author) → review (reviewer) → approve (author, end) or rework (author) → review. */
    public static DraftRequest review(String key) {
        return new DraftRequest(key, "Document review", "product-owner", FULL_OUTLINE,
                List.of(new ProcessRole("author", "product"), new ProcessRole("reviewer", "customer support")),
                List.of(new Step("draft", "Write the draft", "author", "Write it", List.of("review"), false),
                        new Step("review", "Review the draft", "reviewer", "Read it all", List.of("approve", "rework"),
                                false),
                        new Step("approve", "Approve and share", "author", "Share it", List.of(), true),
                        new Step("rework", "Rework the draft", "author", "Fix the comments", List.of("review"),
                                false)),
                List.of(new KeyPoint("review", "Every section was read, not skimmed")));
    }

    /** The seed resource, under another key so tests do not collide with a seeded system. */
    public static DraftRequest featureLaunch(String key) {
        DraftRequest example = read("seed/feature-launch-process.json");
        return new DraftRequest(key, example.title(), example.owner(), example.outline(), example.roles(),
                example.steps(), example.keyPoints());
    }

    public static DraftRequest withSteps(DraftRequest draft, UnaryOperator<List<Step>> change) {
        return new DraftRequest(draft.key(), draft.title(), draft.owner(), draft.outline(), draft.roles(),
                change.apply(new ArrayList<>(draft.steps())), draft.keyPoints());
    }

    public static DraftRequest withRoles(DraftRequest draft, List<ProcessRole> roles) {
        return new DraftRequest(draft.key(), draft.title(), draft.owner(), draft.outline(), roles, draft.steps(),
                draft.keyPoints());
    }

    public static DraftRequest withOutline(DraftRequest draft, Outline outline) {
        return new DraftRequest(draft.key(), draft.title(), draft.owner(), outline, draft.roles(), draft.steps(),
                draft.keyPoints());
    }

    public static DraftRequest withTitle(DraftRequest draft, String title) {
        return new DraftRequest(draft.key(), title, draft.owner(), draft.outline(), draft.roles(), draft.steps(),
                draft.keyPoints());
    }

    public static DraftRequest withOwner(DraftRequest draft, String owner) {
        return new DraftRequest(draft.key(), draft.title(), owner, draft.outline(), draft.roles(), draft.steps(),
                draft.keyPoints());
    }

    private static DraftRequest read(String resource) {
        try (InputStream in = Drafts.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper().readValue(in, DraftRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
