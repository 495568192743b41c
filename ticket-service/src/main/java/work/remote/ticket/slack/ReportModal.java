package work.remote.ticket.slack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.NumberInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

import work.remote.events.ticket.Impact;
import work.remote.events.ticket.TicketType;
import work.remote.platform.problem.Problem;
import work.remote.ticket.rest.CreateTicketRequest;

/**
 * The "Report a ticket" modal: the fields of {@code POST /tickets}, each an input block whose {@code block_id} and
 * {@code action_id} are the request's field name ({@code title}, {@code type}, {@code impact}, {@code affectedUsers},
 * {@code description}, {@code parentId}), so a violation of the request names the block to show it under.
 */
public final class ReportModal {

    public static final String CALLBACK_ID = "report_ticket";
    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 3_000;

    /** What the modal is opened with; any of it may be null. Kept in {@code private_metadata}: channel, permalink. */
    public record Prefill(String title, String description, UUID parentId, String channelId, String permalink) {
    }

    /** What travels from opening the modal to its submission, in the view's {@code private_metadata}. */
    record Metadata(String channel, String permalink) {
    }

    private ReportModal() {
    }

    public static View of(Prefill prefill) {
        List<LayoutBlock> blocks = List.of(
                input("title", "Title", false, PlainTextInputElement.builder().actionId("title")
                        .initialValue(cut(prefill.title(), TITLE_MAX)).maxLength(TITLE_MAX).build()),
                input("type", "Type", false, select("type", Arrays.stream(TicketType.values())
                        .map(type -> option(type.name(), label(type.name()))).toList(), option("BUG", "Bug"))),
                input("impact", "What users cannot do", false, select("impact", Arrays.stream(Impact.values())
                        .map(impact -> option(impact.name(), label(impact.name())
                                + (impact.touchesFunds() ? " (money: critical, 3 h)" : "")))
                        .toList(), null)),
                input("affectedUsers", "Affected users", false, NumberInputElement.builder()
                        .actionId("affectedUsers").decimalAllowed(false).minValue("0").build()),
                input("description", "Description", true, PlainTextInputElement.builder().actionId("description")
                        .multiline(true).maxLength(DESCRIPTION_MAX)
                        .initialValue(cut(prefill.description(), DESCRIPTION_MAX)).build()),
                input("parentId", "Parent ticket (id)", true, PlainTextInputElement.builder().actionId("parentId")
                        .initialValue(prefill.parentId() == null ? null : prefill.parentId().toString()).build()));
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(SlackWebApi.JSON.toJson(new Metadata(prefill.channelId(), prefill.permalink())))
                .title(ViewTitle.builder().type("plain_text").text("Report a ticket").build())
                .submit(ViewSubmit.builder().type("plain_text").text("Report").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(blocks)
                .build();
    }

    /** A submitted modal as the request {@code POST /tickets} takes, or the fields that cannot become one. */
    public record Submission(CreateTicketRequest request, List<Problem.Violation> unreadable) {
    }

    /** Reads the submitted {@code view}: its values, and the message permalink it was opened with as a link. */
    public static Submission read(View view) {
        Map<String, Map<String, ViewState.Value>> values = view.getState() == null || view.getState().getValues() == null
                ? Map.of() : view.getState().getValues();
        List<Problem.Violation> unreadable = new ArrayList<>();
        String title = text(values, "title");
        String description = text(values, "description");
        TicketType type = choice(values, "type", TicketType.class, unreadable);
        Impact impact = choice(values, "impact", Impact.class, unreadable);
        Integer affectedUsers = null;
        String users = text(values, "affectedUsers");
        if (users != null) {
            try {
                affectedUsers = Integer.valueOf(users.trim());
            } catch (NumberFormatException e) {
                unreadable.add(new Problem.Violation("affectedUsers", "is a whole number"));
            }
        }
        UUID parentId = null;
        String parent = text(values, "parentId");
        if (parent != null) {
            try {
                parentId = UUID.fromString(parent.trim());
            } catch (IllegalArgumentException e) {
                unreadable.add(new Problem.Violation("parentId", "is a ticket id (a UUID)"));
            }
        }
        Metadata metadata = metadata(view.getPrivateMetadata());
        List<String> links = metadata.permalink() == null ? null : List.of(metadata.permalink());
        return new Submission(new CreateTicketRequest(title, description, type, impact, null, affectedUsers, parentId,
                links), unreadable);
    }

    /**
     * Slack's answer to a submission with invalid fields: {@code response_action: errors}, each message under the
     * block of its field; a violation of a field the modal has no block for shows under the title.
     */
    public static Map<String, Object> errors(List<Problem.Violation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem.Violation violation : violations) {
            String field = violation.field().replaceAll("[.\\[].*", "");
            String block = List.of("title", "type", "impact", "affectedUsers", "description", "parentId")
                    .contains(field) ? field : "title";
            errors.merge(block, violation.message(), (first, next) -> first + "; " + next);
        }
        return Map.of("response_action", "errors", "errors", errors);
    }

    /** Slack's answer replacing the modal with a message: the ticket filed, or why nothing was. */
    public static Map<String, Object> replacedWith(String title, String markdown) {
        View view = View.builder()
                .type("modal")
                .title(ViewTitle.builder().type("plain_text").text(cut(title, 24)).build())
                .close(ViewClose.builder().type("plain_text").text("Close").build())
                .blocks(List.of(SectionBlock.builder()
                        .text(MarkdownTextObject.builder().text(cut(markdown, 3_000)).build()).build()))
                .build();
        return Map.of("response_action", "update", "view", view);
    }

    static Metadata metadata(String privateMetadata) {
        if (privateMetadata == null || privateMetadata.isBlank()) {
            return new Metadata(null, null);
        }
        return SlackWebApi.JSON.fromJson(privateMetadata, Metadata.class);
    }

    private static LayoutBlock input(String field, String label, boolean optional, BlockElement element) {
        return InputBlock.builder().blockId(field).optional(optional).element(element)
                .label(PlainTextObject.builder().text(label).build()).build();
    }

    private static StaticSelectElement select(String field, List<OptionObject> options, OptionObject initial) {
        return StaticSelectElement.builder().actionId(field).options(options).initialOption(initial).build();
    }

    private static OptionObject option(String value, String text) {
        return OptionObject.builder().value(value).text(PlainTextObject.builder().text(text).build()).build();
    }

    private static String label(String constant) {
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String text(Map<String, Map<String, ViewState.Value>> values, String field) {
        return value(values, field).map(ViewState.Value::getValue).filter(text -> !text.isBlank()).orElse(null);
    }

    private static <E extends Enum<E>> E choice(Map<String, Map<String, ViewState.Value>> values, String field,
            Class<E> type, List<Problem.Violation> unreadable) {
        String chosen = value(values, field).map(ViewState.Value::getSelectedOption)
                .map(ViewState.SelectedOption::getValue).orElse(null);
        if (chosen == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, chosen);
        } catch (IllegalArgumentException e) {
            unreadable.add(new Problem.Violation(field, "is one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static Optional<ViewState.Value> value(Map<String, Map<String, ViewState.Value>> values, String field) {
        return Optional.ofNullable(values.get(field)).map(actions -> actions.get(field));
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
