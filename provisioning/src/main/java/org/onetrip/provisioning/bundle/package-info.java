/**
 * Provisioning bundles (configuration, catalog, staff roster, trusted keys, signed by the county administrator),
 * their atomic installation with rollback, and signed, expiring provisioning QRs.
 */
package org.onetrip.provisioning.bundle;
