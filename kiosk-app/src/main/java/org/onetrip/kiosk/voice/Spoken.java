package org.onetrip.kiosk.voice;

/** A screen that says its own voice prompt (otherwise its first heading is spoken). */
public interface Spoken {
    /** The sentence to speak when the screen opens, in the screen's language; blank for none. */
    String voicePrompt();
}
