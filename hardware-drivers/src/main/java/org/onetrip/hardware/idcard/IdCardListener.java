package org.onetrip.hardware.idcard;

/** Receives a reader's events, on the reader's thread. */
@FunctionalInterface
public interface IdCardListener {
    void onEvent(IdCardEvent event);
}
