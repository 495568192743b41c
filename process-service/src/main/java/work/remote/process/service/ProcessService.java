package work.remote.process.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import work.remote.platform.outbox.Outbox;
import work.remote.events.process.Participant;
import work.remote.events.process.ProcessDrafted;
import work.remote.events.process.ProcessPublished;
import work.remote.events.process.ProcessRetired;
import work.remote.events.process.ProcessReviewRequested;
import work.remote.events.process.Role;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
import work.remote.process.DiscussionFeedback;
import work.remote.process.ImprovementItem;
import work.remote.process.Process;
import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessVersion;
import work.remote.process.Rehearsal;
import work.remote.process.config.ProcessConfig;
import work.remote.process.flow.DefinitionDiff;
import work.remote.process.flow.FlowGraph;
import work.remote.process.flow.ValidationReport;

/** Authoring and publishing: drafts, rehearsals, reviews, versions and retirement, each with its events. */
@ApplicationScoped
public class ProcessService {

    private final Outbox outbox;
    private final Clock clock;
    private final ProcessConfig config;
    private final EntityManager entityManager;

    @Inject
    public ProcessService(Outbox outbox, Clock clock, ProcessConfig config, EntityManager entityManager) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.entityManager = entityManager;
    }

    @Transactional
    public Process create(ProcessDraft draft, String author) {
        if (Process.findByKey(draft.key()) != null) {
            throw ProblemException.conflict("duplicate-key", "Key taken",
                    "A process with key '" + draft.key() + "' already exists");
        }
        Process process = Process.draft(draft.key(), draft.definition(), author, clock.instant());
        process.persist();
        announceDraft(process, author);
        return process;
    }

    /** Replaces the open draft, provided the caller edited the revision it names ({@code expectedRevision}). */
    @Transactional
    public Process editDraft(UUID id, long expectedRevision, ProcessDraft draft) {
        Process process = find(id);
        requireRevision(process, expectedRevision);
        process.openDraft();
        if (!process.key.equals(draft.key())) {
            throw ProblemException.invalid("key", "the key of a process cannot change; it is '" + process.key + "'");
        }
        process.replaceDraft(draft.definition(), clock.instant());
        entityManager.flush();
        return process;
    }

    @Transactional
    public Process refine(UUID id, String changeSummary, String author) {
        Process process = find(id);
        if (process.latestVersion == null) {
            throw ProblemException.conflict("never-published", "Nothing to refine",
                    "Process " + process.key + " has no published version yet; edit its draft instead");
        }
        process.refine(ProcessVersion.get(id, process.latestVersion).definition, changeSummary, clock.instant());
        announceDraft(process, author);
        return process;
    }

    /**
     * Publishes the open draft as the next version when its validation report is clean and its latest rehearsal
     * (if any) has no unresolved findings or was waived; closes the improvement items it addresses.
     */
    @Transactional
    public ProcessVersion publish(UUID id, Long expectedRevision, Publication publication, String publisher) {
        Process process = find(id);
        if (expectedRevision != null) {
            requireRevision(process, expectedRevision);
        }
        ValidationReport report = ValidationReport.of(process.openDraft());
        if (!report.clean()) {
            throw new ProblemException(409, "draft-invalid", "The draft does not pass validation",
                    report.problems().size() + " problem(s) keep the draft from being published", report.violations());
        }
        Rehearsal rehearsal = Rehearsal.latestFor(id, process.nextVersion());
        if (rehearsal != null && !rehearsal.clearsPublication()) {
            throw ProblemException.conflict("rehearsal-findings-open", "Rehearsal findings open",
                    "The latest rehearsal (" + rehearsal.id + ") has " + rehearsal.unresolvedFindings()
                            + " unresolved finding(s); resolve or waive them first");
        }
        String changeSummary = blankToNull(publication.changeSummary()) != null ? publication.changeSummary()
                : process.draftChangeSummary;
        if (changeSummary == null) {
            throw ProblemException.invalid("changeSummary", "must say what this version changes");
        }
        List<ImprovementItem> addressed = addressedImprovements(process, publication.addressedImprovements());
        Instant now = clock.instant();
        int number = process.nextVersion();
        ProcessVersion version = ProcessVersion.of(process, number, process.markPublished(now), changeSummary,
                publisher, now);
        version.persist();
        addressed.forEach(item -> item.addressedInVersion = number);
        entityManager.flush();
        outbox.publish(new ProcessPublished(process.id, process.key, number, version.definition.title(),
                version.definition.owner(),
                version.definition.roles().stream().map(role -> new Role(role.name(), role.team())).toList(),
                version.changeSummary, publisher, now, linkTo(process) + "/versions/" + number));
        return version;
    }

    @Transactional
    public Process retire(UUID id, String reason, String actor) {
        Process process = find(id);
        process.retire(reason, clock.instant());
        outbox.publish(new ProcessRetired(process.id, process.key, process.title, process.latestVersion, reason, actor,
                process.retiredAt, linkTo(process)));
        return process;
    }

    @Transactional
    public void requestReview(UUID id, List<Reviewer> reviewers, String requester) {
        Process process = find(id);
        process.openDraft();
        outbox.publish(new ProcessReviewRequested(process.id, process.key, process.title, requester,
                reviewers.stream()
                        .map(person -> new Participant(person.person(), person.functionGroup(), person.supervisor()))
                        .toList(),
                clock.instant(), linkTo(process)));
    }

    @Transactional
    public Rehearsal rehearse(UUID id, Walkthrough walkthrough, String recorder) {
        Process process = find(id);
        FlowGraph flow = new FlowGraph(process.openDraft());
        List<Problem.Violation> unknown = new ArrayList<>();
        for (int i = 0; i < walkthrough.steps().size(); i++) {
            if (!flow.contains(walkthrough.steps().get(i).stepId())) {
                unknown.add(new Problem.Violation("steps[" + i + "].stepId",
                        "'" + walkthrough.steps().get(i).stepId() + "' is not a step of the draft"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        Rehearsal rehearsal = Rehearsal.record(process.id, process.nextVersion(), walkthrough.walkedBy(),
                walkthrough.steps().stream()
                        .map(step -> new Rehearsal.WalkedStep(step.stepId(), step.note(), blankToNull(step.problem()),
                                null, null))
                        .toList(),
                recorder, clock.instant());
        rehearsal.persist();
        return rehearsal;
    }

    @Transactional
    public Rehearsal resolveFinding(UUID id, UUID rehearsalId, int index, String resolution, String actor) {
        Rehearsal rehearsal = rehearsal(id, rehearsalId);
        rehearsal.resolve(index, resolution, actor);
        return rehearsal;
    }

    @Transactional
    public Rehearsal waive(UUID id, UUID rehearsalId, String reason, String actor) {
        Rehearsal rehearsal = rehearsal(id, rehearsalId);
        rehearsal.waive(reason, actor);
        return rehearsal;
    }

    public Rehearsal rehearsal(UUID id, UUID rehearsalId) {
        Rehearsal rehearsal = Rehearsal.findById(rehearsalId);
        if (rehearsal == null || !rehearsal.processId.equals(id)) {
            throw ProblemException.notFound("Rehearsal", rehearsalId);
        }
        return rehearsal;
    }

    public Process find(UUID id) {
        Process process = Process.findById(id);
        if (process == null) {
            throw ProblemException.notFound("Process", id);
        }
        return process;
    }

    public PanacheQuery<Process> all() {
        return Process.findAll(Sort.ascending("key"));
    }

    /** Published versions, oldest first. */
    public PanacheQuery<ProcessVersion> versions(UUID id) {
        find(id);
        return ProcessVersion.find("processId", Sort.ascending("number"), id);
    }

    public ProcessVersion version(UUID id, int number) {
        return ProcessVersion.get(id, number);
    }

    /** What changed from one published version to another. */
    public DefinitionDiff diff(UUID id, int from, int to) {
        return DefinitionDiff.between(version(id, from).definition, version(id, to).definition);
    }

    /** Rehearsals, newest first. */
    public PanacheQuery<Rehearsal> rehearsals(UUID id) {
        find(id);
        return Rehearsal.find("processId", Sort.descending("rehearsedAt").and("id"), id);
    }

    /** Feedback from discussion meetings, newest first. */
    public PanacheQuery<DiscussionFeedback> feedback(UUID id) {
        find(id);
        return DiscussionFeedback.find("processId", Sort.descending("receivedAt").and("id"), id);
    }

    /** Improvement items, newest first; {@code openOnly} keeps those no published version has addressed yet. */
    public PanacheQuery<ImprovementItem> improvements(UUID id, boolean openOnly) {
        find(id);
        Sort newestFirst = Sort.descending("recordedAt").and("id");
        return openOnly ? ImprovementItem.find("processId = ?1 and addressedInVersion is null", newestFirst, id)
                : ImprovementItem.find("processId", newestFirst, id);
    }

    /** The definition charts and duties are drawn from: the given version, else the open draft, else the latest. */
    public ProcessDefinition definition(UUID id, Integer version) {
        Process process = find(id);
        if (version != null) {
            return ProcessVersion.get(id, version).definition;
        }
        if (process.hasDraft()) {
            return process.draft;
        }
        return ProcessVersion.get(id, process.latestVersion).definition;
    }

    public String linkTo(Process process) {
        return config.publicUrl() + "/processes/" + process.id;
    }

    private void announceDraft(Process process, String author) {
        outbox.publish(new ProcessDrafted(process.id, process.key, process.title, process.owner, process.draftBasedOn,
                process.draftChangeSummary, author, process.updatedAt, linkTo(process)));
    }

    private static void requireRevision(Process process, long expectedRevision) {
        if (process.version != expectedRevision) {
            throw ProblemException.conflict("stale-revision", "Edited a stale revision",
                    "You edited revision " + expectedRevision + " of process " + process.key + ", but it is now at "
                            + process.version + "; reload it and apply your change again");
        }
    }

    private static List<ImprovementItem> addressedImprovements(Process process, List<UUID> ids) {
        List<ImprovementItem> items = new ArrayList<>();
        List<Problem.Violation> invalid = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ImprovementItem item = ImprovementItem.findById(ids.get(i));
            if (item == null || !item.processId.equals(process.id) || !item.isOpen()) {
                invalid.add(new Problem.Violation("addressedImprovements[" + i + "]",
                        "is not an open improvement item of process " + process.key));
            } else {
                items.add(item);
            }
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        return items;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
