package work.remote.meeting.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import work.remote.events.meeting.MeetingSubject;
import work.remote.events.process.ProcessDrafted;
import work.remote.events.process.ProcessPublished;
import work.remote.events.process.ProcessRetired;
import work.remote.events.ticket.LaunchClosed;
import work.remote.events.ticket.LaunchPlanned;
import work.remote.meeting.KnownSubject;
import work.remote.platform.problem.Problem;

/**
 * The processes and launches meetings may be about, kept from process-service's and ticket-service's events: a
 * meeting is planned only on a subject known here, and its owner decides about what was parked on it.
 */
@ApplicationScoped
public class SubjectCatalog {

    static final String SUBJECT_ID = "subject.id";

    private final Clock clock;

    @Inject
    public SubjectCatalog(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void processDrafted(ProcessDrafted drafted) {
        KnownSubject.learn(MeetingSubject.Kind.PROCESS, drafted.processId(), drafted.title(), drafted.owner(),
                clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void processPublished(ProcessPublished published) {
        KnownSubject.learn(MeetingSubject.Kind.PROCESS, published.processId(), published.title(), published.owner(),
                clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void processRetired(ProcessRetired retired) {
        KnownSubject.learn(MeetingSubject.Kind.PROCESS, retired.processId(), retired.title(), null, clock.instant())
                .retired = true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void launchPlanned(LaunchPlanned planned) {
        KnownSubject.learn(MeetingSubject.Kind.LAUNCH, planned.launchId(), planned.feature(), planned.productOwner(),
                clock.instant());
    }

    /** A closed launch stays a subject: its after-action review is about it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void launchClosed(LaunchClosed closed) {
        KnownSubject.learn(MeetingSubject.Kind.LAUNCH, closed.launchId(), closed.feature(), closed.productOwner(),
                clock.instant());
    }

    /** Why no meeting may be planned on {@code subject}: unknown here, or a retired process; empty when it may. */
    public Optional<Problem.Violation> refusal(MeetingSubject subject) {
        Optional<KnownSubject> known = KnownSubject.find(subject.kind(), subject.id());
        if (known.isEmpty()) {
            return Optional.of(new Problem.Violation(SUBJECT_ID, "no " + subject.kind() + " " + subject.id()
                    + " is known; a meeting is planned on a process or launch its service announced"));
        }
        if (known.get().retired) {
            return Optional.of(new Problem.Violation(SUBJECT_ID, "the process " + subject.id() + " is retired"));
        }
        return Optional.empty();
    }

    /** The owner of a subject (a person id), when an event named them. */
    public Optional<String> ownerOf(MeetingSubject.Kind kind, UUID id) {
        return KnownSubject.find(kind, id).map(subject -> subject.owner);
    }
}
