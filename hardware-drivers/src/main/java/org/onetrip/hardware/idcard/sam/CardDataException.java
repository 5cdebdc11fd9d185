package org.onetrip.hardware.idcard.sam;

/**
 * A card's text block was read but cannot be trusted: the ID number fails its GB 11643 check character, a
 * date is not a date, or the layout is one we do not decode. The message never carries the card's content.
 */
public final class CardDataException extends SamException {
    public CardDataException(String problem) {
        super("card data: " + problem);
    }
}
