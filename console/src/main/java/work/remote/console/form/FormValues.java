package work.remote.console.form;

/** What a page's form sent, as the services' APIs take it. */
public final class FormValues {

    private FormValues() {
    }

    /** A field's value; empty when the form did not send the field. */
    public static String text(String value) {
        return value == null ? "" : value;
    }

    /** The {@code If-Match} entity tag of the revision a form carried back from the page it was on. */
    public static String ifMatch(String revision) {
        return "\"" + text(revision).strip() + "\"";
    }
}
