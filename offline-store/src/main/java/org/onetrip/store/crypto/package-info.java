/**
 * Encryption at rest of residents' data: a random SM4 data key ({@link org.onetrip.store.crypto.DataKey}) kept
 * only wrapped, by a {@link org.onetrip.store.crypto.KeyWrapper} (a key file readable by the service user today, a
 * TPM or secure element tomorrow), and {@link org.onetrip.store.crypto.DataCipher}, which seals each record with
 * SM4-GCM under that key with the record's id as associated data, and each attachment file in authenticated
 * segments ({@link org.onetrip.store.crypto.SealedFiles}).
 */
package org.onetrip.store.crypto;
