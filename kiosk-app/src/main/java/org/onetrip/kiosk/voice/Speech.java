package org.onetrip.kiosk.voice;

import java.util.Locale;
import java.util.Optional;

/** Turns a sentence into speech: the WAV bytes, or empty when it cannot (the kiosk stays silent). */
@FunctionalInterface
public interface Speech {
    /** Silence: for terminals without a speech engine. */
    Speech SILENT = (text, locale) -> Optional.empty();

    /** May block for as long as rendering takes; called on the voice worker's thread only. */
    Optional<byte[]> wav(String text, Locale locale);
}
