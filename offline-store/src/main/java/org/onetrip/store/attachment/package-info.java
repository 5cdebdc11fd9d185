/**
 * Attachments (scans, photos, signed authorisations) as content-addressed files on disk, named by the SHA-256
 * of their bytes, with one row each in the store; a sealed submission refers to them by hash.
 */
package org.onetrip.store.attachment;
