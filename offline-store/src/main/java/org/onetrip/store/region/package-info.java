/**
 * The five-level statistical divisions (省市县乡村): reading the NBS division files (the china-division CSV
 * format) for any county, validating 12-digit codes against them, naming a terminal's chain, and keeping them
 * in the store.
 */
package org.onetrip.store.region;
