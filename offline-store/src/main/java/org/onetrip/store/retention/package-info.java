/**
 * Retention (issue 10 item 3): resident data leaves the terminal a configurable time after the platform confirmed
 * the case. {@link org.onetrip.store.retention.RetentionPurge} is one purge run (one transaction, one audit entry);
 * {@link org.onetrip.store.retention.RetentionSchedule} runs it at start and then daily.
 */
package org.onetrip.store.retention;
