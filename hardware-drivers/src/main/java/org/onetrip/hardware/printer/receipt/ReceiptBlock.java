package org.onetrip.hardware.printer.receipt;

import java.util.Objects;

/**
 * One block of a {@link ReceiptDocument}, printed top to bottom in document order.
 *
 * <p>Text may contain {@code '\n'} to force a line break; encoders wrap long lines themselves.
 */
public sealed interface ReceiptBlock {

    /** A heading, printed large and centred. */
    record Title(String text) implements ReceiptBlock {
        public Title {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A labelled value, printed as {@code key：value}. */
    record KeyValue(String key, String value) implements ReceiptBlock {
        public KeyValue {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A horizontal rule across the paper. */
    record Divider() implements ReceiptBlock {
    }

    /** A paragraph, optionally in bold. */
    record Text(String text, boolean emphasis) implements ReceiptBlock {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A warning that must stand out, e.g. "已提交，待同步": printed bold inside a box. */
    record Notice(String text) implements ReceiptBlock {
        public Notice {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A QR code of {@code payload} (encoded as UTF-8), centred, with {@code caption} below it;
     * an empty caption prints nothing.
     */
    record Qr(String payload, String caption) implements ReceiptBlock {
        public Qr {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(caption, "caption");
            if (payload.isEmpty()) {
                throw new IllegalArgumentException("QR payload must not be empty");
            }
        }
    }

    /** Blank paper of {@code lines} text lines (1 to 255, the range of ESC d). */
    record Feed(int lines) implements ReceiptBlock {
        public Feed {
            if (lines < 1 || lines > 255) {
                throw new IllegalArgumentException("feed lines must be 1..255, was " + lines);
            }
        }
    }
}
