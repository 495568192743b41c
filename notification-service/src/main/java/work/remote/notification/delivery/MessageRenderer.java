package work.remote.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import work.remote.events.ticket.CriticalIssueReported;

/** Renders events with the type-safe Qute templates under {@code templates/MessageRenderer/}. */
@ApplicationScoped
public class MessageRenderer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance criticalIssueSlack(CriticalIssueReported event);

        static native TemplateInstance criticalIssueEmailText(CriticalIssueReported event);

        static native TemplateInstance criticalIssueEmailHtml(CriticalIssueReported event);
    }

    public RenderedMessage criticalIssue(CriticalIssueReported event) {
        return new RenderedMessage("CRITICAL: " + event.title(),
                Templates.criticalIssueSlack(event).render(),
                Templates.criticalIssueEmailText(event).render(),
                Templates.criticalIssueEmailHtml(event).render());
    }
}
