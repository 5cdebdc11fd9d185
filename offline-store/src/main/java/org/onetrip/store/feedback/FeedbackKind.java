package org.onetrip.store.feedback;

/** What a queued piece of feedback is, and where the Intake API takes it. */
public enum FeedbackKind {
    EVALUATION("/api/v1/evaluations"),
    COMPLAINT("/api/v1/complaints");

    private final String path;

    FeedbackKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
