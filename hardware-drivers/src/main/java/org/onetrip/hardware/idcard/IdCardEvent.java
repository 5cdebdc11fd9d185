package org.onetrip.hardware.idcard;

/** What an ID-card reader reports to its listeners. */
public sealed interface IdCardEvent {
    /** A card was read and its number checked. */
    record CardRead(IdentityCard card) implements IdCardEvent {
    }

    /** The card left the reader's field. */
    record CardRemoved() implements IdCardEvent {
    }

    /** A card is in the field but could not be read or failed its checks; the resident should try again. */
    record CardUnreadable(String reason) implements IdCardEvent {
    }

    /** The reader stopped working (unplugged, SAM fault); {@code device} names it for the technician. */
    record ReaderFault(String device, String reason) implements IdCardEvent {
    }

    /** The reader works again after a fault. */
    record ReaderBack(String device) implements IdCardEvent {
    }
}
