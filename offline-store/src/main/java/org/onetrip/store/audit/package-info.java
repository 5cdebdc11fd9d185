/** The append-only, hash-chained audit log. */
package org.onetrip.store.audit;
