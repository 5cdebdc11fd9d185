package org.onetrip.kiosk.voice;

/**
 * A screen that says its own voice prompt (otherwise its first heading is spoken). Screens whose heading holds
 * anything of the resident (even masked) must implement it: prompts are heard by everyone in the hall.
 */
public interface Spoken {
    /** The sentence to speak when the screen opens, in the screen's language; blank for none. */
    String voicePrompt();
}
