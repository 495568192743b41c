package work.remote.process.service;

import work.remote.process.ProcessDefinition;

/** A draft as its author wrote it: the process's key and what the process says. */
public record ProcessDraft(String key, ProcessDefinition definition) {
}
