/**
 * The simulator's own SQLite file: opened in WAL mode with {@code synchronous=FULL}, migrated by Flyway from
 * {@code classpath:org/onetrip/intake/db/migration} (not the terminal store's {@code db/migration}, which shares
 * the classpath), and used through one connection, one transaction at a time.
 */
package org.onetrip.intake.db;
