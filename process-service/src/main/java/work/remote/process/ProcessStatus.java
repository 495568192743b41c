package work.remote.process;

public enum ProcessStatus {
    /** Never published yet. */
    DRAFT,
    /** At least one version is published; a refinement draft may be open. */
    PUBLISHED,
    /** No longer in use: nothing can be edited, published or rolled out. */
    RETIRED
}
