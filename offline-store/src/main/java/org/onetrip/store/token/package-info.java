/**
 * The signed receipt token (domain-spec §6): what a receipt's QR code holds, so that any OneTrip
 * terminal can check offline that a receipt is genuine and open that submission's status.
 *
 * <p>{@code ZW1:} + {@link org.onetrip.store.token.Base45} (RFC 9285) of the CBOR array
 * {@code [protected, payload, signature]}; the payload has the integer keys 1 to 11 of
 * {@link org.onetrip.store.token.ReceiptToken} and only a masked applicant; the signature is SM2 with
 * SM3, stored raw (r‖s, 64 bytes); the signer is named by a 4-byte {@link org.onetrip.store.token.KeyId}.
 * {@link org.onetrip.store.token.ReceiptTokenSigner} makes tokens with the terminal's key,
 * {@link org.onetrip.store.token.ReceiptTokenVerifier} checks them against a
 * {@link org.onetrip.store.token.TrustList} — today this terminal's own key; provisioning will add the
 * county's list of its terminals' keys through the same interface.
 */
package org.onetrip.store.token;
