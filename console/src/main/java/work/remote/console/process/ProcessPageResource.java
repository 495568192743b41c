package work.remote.console.process;

import static work.remote.console.form.FormValues.ifMatch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import work.remote.console.client.process.api.ProcessesApi;
import work.remote.console.client.process.api.RolloutsApi;
import work.remote.console.client.process.model.DefinitionDiff;
import work.remote.console.client.process.model.ProcessResourceCreate201Response;
import work.remote.console.client.process.model.ProcessResourceCreate201ResponseDraftOutline;
import work.remote.console.client.process.model.ProcessResourceCreate201ResponseDraftRolesInner;
import work.remote.console.client.process.model.ProcessRolloutResourceStartRollout201Response;
import work.remote.console.client.process.model.RehearsalResourceRehearse201Response;
import work.remote.console.client.process.model.RoleDuties;
import work.remote.console.client.process.model.RolloutResourceChecklist200Response;
import work.remote.console.client.process.model.ValidationReport;
import work.remote.console.client.process.model.VersionResourcePublish201Response;
import work.remote.console.problem.Problem;
import work.remote.console.problem.ServiceProblem;
import work.remote.console.signin.SignedIn;
import work.remote.console.signin.Viewer;

/**
 * A process as its people look at it: the flowchart, the 5W1H outline with the validation report, the duties per
 * role, the versions with their diff, the rehearsals, and the viewer's own checklists with lines to tick.
 */
@Path("/processes")
public class ProcessPageResource {

    static final String PROCESS_SERVICE = "process-service";
    private static final int PAGE = 200;
    private static final String SVG = "image/svg+xml";
    /** The flowchart is process-service's picture: opened on its own, it may draw but never run anything. */
    private static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    /** Two published versions and what changed from the first to the second, or why the service could not say. */
    public record Diff(int from, int to, DefinitionDiff changes, Problem problem) {
    }

    /** The viewer's checklist in one rollout of the process, and why process-service refused a tick on it. */
    public record MyChecklist(ProcessRolloutResourceStartRollout201Response rollout,
            RolloutResourceChecklist200Response checklist, Problem problem) {
    }

    /** A tick process-service refused: the rollout whose checklist it was, and the refusal. */
    private record Refusal(UUID rolloutId, Problem problem) {
    }

    /**
     * @param outline the 5W1H of the open draft, else of the latest published version: what the page shows
     * @param shows which of the two, in words
     * @param validation the draft's validation report; null when there is no draft to validate
     */
    public record ProcessPage(ProcessResourceCreate201Response process,
            ProcessResourceCreate201ResponseDraftOutline outline, String shows,
            ValidationReport validation, List<RoleDuties> duties, List<VersionResourcePublish201Response> versions,
            Diff diff, List<RehearsalResourceRehearse201Response> rehearsals, List<MyChecklist> checklists) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance processes(Viewer viewer, List<ProcessResourceCreate201Response> processes,
                Problem problem);

        static native TemplateInstance process(Viewer viewer, ProcessPage page, Problem problem);
    }

    private final ProcessesApi processes;
    private final RolloutsApi rollouts;
    private final SignedIn signedIn;

    public ProcessPageResource(@RestClient ProcessesApi processes, @RestClient RolloutsApi rollouts,
            SignedIn signedIn) {
        this.processes = processes;
        this.rollouts = rollouts;
        this.signedIn = signedIn;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list() {
        try {
            return Response.ok(Templates.processes(signedIn.get(), ServiceProblem.call(PROCESS_SERVICE,
                    () -> processes.processResourceList(0, PAGE)).getItems(), null)).build();
        } catch (ServiceProblem e) {
            return e.page(Templates.processes(signedIn.get(), List.of(), e.problem()));
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response process(@PathParam("id") UUID id, @QueryParam("from") Integer from,
            @QueryParam("to") Integer to) {
        return page(id, from, to, null, 200);
    }

    /** The flowchart process-service draws, fetched with the viewer's token, for the page's {@code <img>}. */
    @GET
    @Path("/{id}/flowchart.svg")
    public Response flowchart(@PathParam("id") UUID id) {
        try {
            String svg = ServiceProblem.call(PROCESS_SERVICE, () -> processes.flowResourceSvg(id, null));
            return Response.ok(svg, SVG).header("Content-Security-Policy", SVG_POLICY).build();
        } catch (ServiceProblem e) {
            return Response.fromResponse(e.page(e.problem().message())).type(MediaType.TEXT_PLAIN).build();
        }
    }

    @POST
    @Path("/{id}/rollouts/{rolloutId}/checklist/lines/{index}/tick")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response tick(@PathParam("id") UUID id, @PathParam("rolloutId") UUID rolloutId,
            @PathParam("index") int index, @RestForm String revision) {
        String person = signedIn.get().person();
        try {
            ServiceProblem.call(PROCESS_SERVICE, () -> rollouts.rolloutResourceTick(rolloutId, index, person,
                    ifMatch(revision)));
            return Response.seeOther(URI.create("/processes/" + id + "#my-checklist")).build();
        } catch (ServiceProblem e) {
            return page(id, null, null, new Refusal(rolloutId, e.problem()), 422);
        }
    }

    private Response page(UUID id, Integer from, Integer to, Refusal refusal, int status) {
        ProcessPage page;
        try {
            page = read(id, from, to, refusal);
        } catch (ServiceProblem e) {
            return e.page(Templates.process(signedIn.get(), null, e.problem()));
        }
        boolean shownAtItsChecklist = page.checklists().stream().anyMatch(mine -> mine.problem() != null);
        Problem atTheTop = refusal == null || shownAtItsChecklist ? null : refusal.problem();
        return Response.status(status).entity(Templates.process(signedIn.get(), page, atTheTop)).build();
    }

    private ProcessPage read(UUID id, Integer from, Integer to, Refusal refusal) {
        ProcessResourceCreate201Response process = ServiceProblem.call(PROCESS_SERVICE,
                () -> processes.processResourceGet(id));
        List<VersionResourcePublish201Response> versions = ServiceProblem.call(PROCESS_SERVICE,
                () -> processes.versionResourceVersions(id, 0, PAGE)).getItems();
        ProcessResourceCreate201ResponseDraftOutline outline = null;
        List<ProcessResourceCreate201ResponseDraftRolesInner> roles = null;
        String shows = "nothing yet";
        ValidationReport validation = null;
        if (process.getDraft() != null) {
            outline = process.getDraft().getOutline();
            roles = process.getDraft().getRoles();
            shows = "the open draft";
            validation = ServiceProblem.call(PROCESS_SERVICE, () -> processes.flowResourceValidation(id));
        } else if (!versions.isEmpty()) {
            VersionResourcePublish201Response latest = versions.get(versions.size() - 1);
            outline = latest.getDefinition().getOutline();
            roles = latest.getDefinition().getRoles();
            shows = "version " + latest.getVersion();
        }
        List<RoleDuties> duties = new ArrayList<>();
        if (roles != null) {
            roles.forEach(role -> duties.add(ServiceProblem.call(PROCESS_SERVICE,
                    () -> processes.flowResourceDuties(id, role.getName(), null))));
        }
        List<RehearsalResourceRehearse201Response> rehearsals = ServiceProblem.call(PROCESS_SERVICE,
                () -> processes.rehearsalResourceRehearsals(id, 0, PAGE)).getItems();
        return new ProcessPage(process, outline, shows, validation, duties, versions, diff(id, versions, from, to),
                rehearsals, checklists(id, refusal));
    }

    /** The versions asked for, or else the latest against the one before; none while fewer than two exist. */
    private Diff diff(UUID id, List<VersionResourcePublish201Response> versions, Integer from, Integer to) {
        if (versions.size() < 2 && (from == null || to == null)) {
            return null;
        }
        int older = from != null ? from : versions.get(versions.size() - 2).getVersion();
        int newer = to != null ? to : versions.get(versions.size() - 1).getVersion();
        try {
            return new Diff(older, newer, ServiceProblem.call(PROCESS_SERVICE,
                    () -> processes.versionResourceDiff(id, older, newer)), null);
        } catch (ServiceProblem e) {
            return new Diff(older, newer, null, e.problem());
        }
    }

    /** The viewer's checklists: one in each rollout of the process that names them as a participant. */
    private List<MyChecklist> checklists(UUID id, Refusal refusal) {
        String person = signedIn.get().person();
        List<MyChecklist> mine = new ArrayList<>();
        for (ProcessRolloutResourceStartRollout201Response rollout : ServiceProblem.call(PROCESS_SERVICE,
                () -> processes.processRolloutResourceRollouts(id, 0, PAGE)).getItems()) {
            if (rollout.getPeople() != null
                    && rollout.getPeople().stream().anyMatch(someone -> person.equals(someone.getPerson()))) {
                Problem refused = refusal != null && refusal.rolloutId().equals(rollout.getId()) ? refusal.problem()
                        : null;
                mine.add(new MyChecklist(rollout, ServiceProblem.call(PROCESS_SERVICE,
                        () -> rollouts.rolloutResourceChecklist(rollout.getId(), person)), refused));
            }
        }
        return mine;
    }
}
