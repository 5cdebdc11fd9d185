package org.onetrip.store.submission;

import java.time.Duration;

import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * At start, after the database and before any session: removes the attachment files a crash between staging
 * and sealing left behind ({@link SubmissionStore#sweepUnsealedAttachments}). A sweep that fails is logged by
 * the store's exception and fails this part, as a full or broken disk should be seen at start.
 */
public final class AttachmentSweep extends AbstractLifeCycle {
    /** Older than this, a staged file no sealed submission refers to is an orphan: sessions last minutes. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(1);

    private final SubmissionStore store;
    private final Duration grace;

    public AttachmentSweep(SubmissionStore store, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("attachment sweep: the grace period must not be negative: " + grace);
        }
        this.store = store;
        this.grace = grace;
    }

    @Override
    protected void doStart() {
        store.sweepUnsealedAttachments(grace);
    }

    @Override
    public String toString() {
        return "attachment-sweep[" + store.attachments().dir() + "]@" + getState();
    }
}
