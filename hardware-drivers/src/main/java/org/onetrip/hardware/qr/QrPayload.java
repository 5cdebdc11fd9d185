package org.onetrip.hardware.qr;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.UUID;

/**
 * What a scanned code is, told by its form alone (nothing is verified here): a OneTrip receipt token
 * ({@code ZW1:}, domain-spec §6; verified by the store's token code), a receipt reference printed by early
 * receipts ({@code ONETRIP:STATUS:<uuid>}), a technician's provisioning QR ({@code OTP1.}, signed by the county; verified by
 * the provisioning module; the early {@code OTP1:} form is still recognised), a web
 * address, or other text. {@code toString()} never prints the content: a code may carry personal data.
 */
public sealed interface QrPayload {
    String RECEIPT_TOKEN_PREFIX = "ZW1:";
    String RECEIPT_REFERENCE_PREFIX = "ONETRIP:STATUS:";
    String PROVISIONING_PREFIX = "OTP1.";
    /** The provisioning prefix of the first drafts, still classified as provisioning. */
    String PROVISIONING_PREFIX_DRAFT = "OTP1:";

    /** The text as scanned. */
    String text();

    /** A signed receipt token; verify it before trusting any field. */
    record ReceiptToken(String text) implements QrPayload {
        @Override
        public String toString() {
            return "ReceiptToken[" + text.length() + " chars]";
        }
    }

    /** A local submission id from a receipt printed before tokens existed. */
    record ReceiptReference(String text, UUID submissionId) implements QrPayload {
        @Override
        public String toString() {
            return "ReceiptReference[" + submissionId + "]";
        }
    }

    /** A technician's provisioning payload; {@code body} is everything after the prefix. */
    record Provisioning(String text, String body) implements QrPayload {
        @Override
        public String toString() {
            return "Provisioning[" + body.length() + " chars]";
        }
    }

    /** An http(s) address, such as a province's progress or rating page. */
    record Url(String text, URI uri) implements QrPayload {
        @Override
        public String toString() {
            return "Url[" + uri.getScheme() + "://" + uri.getHost() + "]";
        }
    }

    /** Anything else. */
    record Text(String text) implements QrPayload {
        @Override
        public String toString() {
            return "Text[" + text.length() + " chars]";
        }
    }

    /**
     * Classifies scanned text. Control characters (a scanner's CR/LF, a wedge's Tab, and the C1 controls U+0080 to
     * U+009F a scanner in a Latin-1 mode can send) and then surrounding whitespace are dropped first; prefixes are
     * matched without regard to case, since scanners in some modes change it.
     */
    static QrPayload classify(String scanned) {
        String text = scanned == null ? "" : scanned.replaceAll("\\p{Cc}", "").strip();
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith(RECEIPT_TOKEN_PREFIX) && text.length() > RECEIPT_TOKEN_PREFIX.length()) {
            return new ReceiptToken(text);
        }
        if (upper.startsWith(RECEIPT_REFERENCE_PREFIX)) {
            try {
                return new ReceiptReference(text, UUID.fromString(text.substring(RECEIPT_REFERENCE_PREFIX.length())));
            } catch (IllegalArgumentException e) {
                return new Text(text);
            }
        }
        if ((upper.startsWith(PROVISIONING_PREFIX) || upper.startsWith(PROVISIONING_PREFIX_DRAFT))
                && text.length() > PROVISIONING_PREFIX.length()) {
            return new Provisioning(text, text.substring(PROVISIONING_PREFIX.length()));
        }
        if (upper.startsWith("HTTP://") || upper.startsWith("HTTPS://")) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() != null) {
                    return new Url(text, uri);
                }
            } catch (URISyntaxException e) {
                return new Text(text);
            }
        }
        return new Text(text);
    }
}
