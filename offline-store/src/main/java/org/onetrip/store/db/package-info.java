/** The terminal's SQLite database: opening, pragmas, integrity check, migrations and transactions. */
package org.onetrip.store.db;
