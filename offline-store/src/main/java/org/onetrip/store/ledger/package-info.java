/**
 * The agency point's ledger (台账) and statistics: read-only queries over the sealed submissions of this terminal,
 * their status history and ratings. Submissions that only passed through on a courier bundle from another
 * terminal are not cases of this point and are left out.
 */
package org.onetrip.store.ledger;
