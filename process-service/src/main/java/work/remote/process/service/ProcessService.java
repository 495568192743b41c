package work.remote.process.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.events.process.Participant;
import work.remote.platform.caller.Caller;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
import work.remote.process.DiscussionFeedback;
import work.remote.process.ImprovementItem;
import work.remote.process.Process;
import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessVersion;
import work.remote.process.Rehearsal;
import work.remote.process.flow.DefinitionDiff;
import work.remote.process.flow.ValidationReport;

/** Authoring and publishing: drafts, reviews, versions and retirement, each with its events. */
@ApplicationScoped
public class ProcessService {

    /** A draft as its author wrote it: the process's key and what the process says. */
    public record Draft(String key, ProcessDefinition definition) {
    }

    /**
     * Publishing the open draft; without a {@code changeSummary} a refinement is published with the summary given
     * when it was opened. {@code addressedImprovements} are the improvement items this version deals with. An admin
     * may publish a draft its self-rehearsal does not clear by giving a {@code withoutRehearsalReason}.
     */
    public record Publication(String changeSummary, List<UUID> addressedImprovements, String withoutRehearsalReason) {

        public Publication {
            addressedImprovements = addressedImprovements == null ? List.of() : List.copyOf(addressedImprovements);
        }
    }

    /** A person asked to discuss a draft, with the function group they meet in and who relays to them; both ids. */
    /** A review of the draft by {@code reviewers}; {@code mixSmallGroups} lets small function groups share a session. */
    public record ReviewRequest(List<Reviewer> reviewers, boolean mixSmallGroups) {
    }

    public record Reviewer(String person, String functionGroup, String supervisor) {

        Participant participant() {
            return new Participant(person, functionGroup, supervisor);
        }
    }

    private static final String PROCESSES = "processes";

    private final Outbox outbox;
    private final Clock clock;
    private final Links links;
    private final EntityManager entityManager;

    @Inject
    public ProcessService(Outbox outbox, Clock clock, Links links, EntityManager entityManager) {
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
        this.entityManager = entityManager;
    }

    @Transactional
    public Process create(Draft draft, Caller author) {
        if (Process.findByKey(draft.key()) != null) {
            throw ProblemException.conflict("duplicate-key", "Key taken",
                    "A process with key '" + draft.key() + "' already exists");
        }
        Process process = Process.draft(draft.key(), draft.definition(), author.id(), clock.instant());
        process.learnOwnerNameFrom(author);
        process.persist();
        outbox.publish(process.draftedEvent(author.id(), linkTo(process)));
        return process;
    }

    /** Replaces the open draft, provided the caller edited the revision it names ({@code expectedRevision}). */
    @Transactional
    public Process editDraft(UUID id, long expectedRevision, Draft draft, Caller author) {
        Process process = find(id);
        process.requireRevision(expectedRevision);
        process.editDraft(draft.key(), draft.definition(), clock.instant());
        process.learnOwnerNameFrom(author);
        entityManager.flush();
        return process;
    }

    /** Opens a new draft from the latest published version; {@code expectedRevision}, when given, must be current. */
    @Transactional
    public Process refine(UUID id, Long expectedRevision, String changeSummary, Caller author) {
        Process process = find(id);
        process.requireRevision(expectedRevision);
        if (process.latestVersion == null) {
            throw ProblemException.conflict("never-published", "Nothing to refine",
                    "Process " + process.key + " has no published version yet; edit its draft instead");
        }
        process.refine(ProcessVersion.get(id, process.latestVersion).definition, changeSummary, clock.instant());
        process.learnOwnerNameFrom(author);
        outbox.publish(process.draftedEvent(author.id(), linkTo(process)));
        return process;
    }

    /**
     * Publishes the open draft as the next version when its validation report is clean and its latest rehearsal
     * clears it, or when an admin gives a reason to publish without; closes the improvement items it addresses.
     */
    @Transactional
    public ProcessVersion publish(UUID id, Long expectedRevision, Publication publication, Caller publisher) {
        String withoutRehearsalReason = withoutRehearsalReason(publication, publisher);
        Process process = find(id);
        process.requireRevision(expectedRevision);
        ProcessVersion version = process.publish(Rehearsal.latestFor(id, process.nextVersion()),
                withoutRehearsalReason, publication.changeSummary(), publisher.id(), clock.instant());
        process.learnOwnerNameFrom(publisher);
        List<ImprovementItem> addressed = addressedImprovements(process, publication.addressedImprovements());
        version.persist();
        addressed.forEach(item -> item.addressIn(version.number));
        entityManager.flush();
        outbox.publish(process.publishedEvent(version, links.to(PROCESSES, process.id, "versions", version.number)));
        return version;
    }

    /** Retires the process; {@code expectedRevision}, when given, must be current. */
    @Transactional
    public Process retire(UUID id, Long expectedRevision, String reason, Caller actor) {
        Process process = find(id);
        process.requireRevision(expectedRevision);
        process.retire(reason, clock.instant());
        process.learnOwnerNameFrom(actor);
        outbox.publish(process.retiredEvent(actor.id(), linkTo(process)));
        return process;
    }

    @Transactional
    public void requestReview(UUID id, ReviewRequest review, Caller requester) {
        Process process = find(id);
        process.openDraft();
        outbox.publish(process.reviewRequestedEvent(requester.id(),
                review.reviewers().stream().map(Reviewer::participant).toList(), review.mixSmallGroups(),
                clock.instant(), linkTo(process)));
    }

    public Process find(UUID id) {
        Process process = Process.findById(id);
        if (process == null) {
            throw ProblemException.notFound("Process", id);
        }
        return process;
    }

    /** Processes by key. */
    public Page<Process> all(PageRequest page) {
        return Page.of(Process.findAll(Sort.ascending("key")), page);
    }

    /** Everything that keeps the open draft from being published. */
    public ValidationReport validation(UUID id) {
        return ValidationReport.of(find(id).openDraft());
    }

    /** Published versions, oldest first. */
    public Page<ProcessVersion> versions(UUID id, PageRequest page) {
        find(id);
        return Page.of(ProcessVersion.find("processId", Sort.ascending("number"), id), page);
    }

    public ProcessVersion version(UUID id, int number) {
        return ProcessVersion.get(id, number);
    }

    /** What changed from one published version to another. */
    public DefinitionDiff diff(UUID id, int from, int to) {
        return DefinitionDiff.between(version(id, from).definition, version(id, to).definition);
    }

    /** Feedback from discussion meetings, newest first. */
    public Page<DiscussionFeedback> feedback(UUID id, PageRequest page) {
        find(id);
        return Page.of(DiscussionFeedback.find("processId", Sort.descending("receivedAt").and("id"), id), page);
    }

    /** Improvement items, newest first; {@code openOnly} keeps those no published version has addressed yet. */
    public Page<ImprovementItem> improvements(UUID id, boolean openOnly, PageRequest page) {
        find(id);
        Sort newestFirst = Sort.descending("recordedAt").and("id");
        return Page.of(openOnly ? ImprovementItem.find("processId = ?1 and addressedInVersion is null", newestFirst, id)
                : ImprovementItem.find("processId", newestFirst, id), page);
    }

    /** The definition charts and duties are drawn from: the given version, else the open draft, else the latest. */
    public ProcessDefinition definition(UUID id, Integer version) {
        OptionalInt published = publishedVersionDrawn(id, version);
        return published.isPresent() ? ProcessVersion.get(id, published.getAsInt()).definition : find(id).draft;
    }

    /**
     * The number of the published version charts and duties are drawn from: the given one, else the latest when no
     * draft is open; empty when they are drawn from the open draft.
     */
    public OptionalInt publishedVersionDrawn(UUID id, Integer version) {
        Process process = find(id);
        if (version != null) {
            return OptionalInt.of(version);
        }
        return process.hasDraft() ? OptionalInt.empty() : OptionalInt.of(process.latestVersion);
    }

    /** The reason to publish without a self-rehearsal, when one is given: only an admin may, and must say why. */
    private static String withoutRehearsalReason(Publication publication, Caller publisher) {
        String reason = publication.withoutRehearsalReason();
        if (reason == null) {
            return null;
        }
        if (!publisher.isAdmin()) {
            throw ProblemException.forbidden("publishing-without-rehearsal-needs-admin",
                    "Only an admin may publish without a rehearsal",
                    publisher + " gave a reason to publish without a self-rehearsal, which needs the admin role; "
                            + "rehearse the draft instead");
        }
        if (reason.isBlank()) {
            throw ProblemException.invalid("withoutRehearsalReason",
                    "must say why the draft is published without a self-rehearsal");
        }
        return reason;
    }

    private String linkTo(Process process) {
        return links.to(PROCESSES, process.id);
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
}
