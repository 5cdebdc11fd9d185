/** Drafts, sealing (submission + outbox + audit in one transaction) and the sealed submissions' statuses. */
package org.onetrip.store.submission;
