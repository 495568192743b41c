package work.remote.process.service;

/** How the process works for one participant of a rollout: a rating from 1 to 5, problems and suggestions. */
public record AdoptionAnswer(int rating, String problems, String suggestions) {
}
