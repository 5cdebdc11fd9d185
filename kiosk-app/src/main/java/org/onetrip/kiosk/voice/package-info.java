/**
 * Voice prompts (语音提示) for residents who read little: each screen's prompt spoken with offline speech
 * (espeak-ng, rendered to WAV on the terminal and played by the kiosk's browser), never holding up a screen.
 */
package org.onetrip.kiosk.voice;
