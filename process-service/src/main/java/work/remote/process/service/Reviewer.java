package work.remote.process.service;

/** A person asked to discuss a draft, with the function group they meet in and who relays to them. */
public record Reviewer(String person, String functionGroup, String supervisor) {
}
