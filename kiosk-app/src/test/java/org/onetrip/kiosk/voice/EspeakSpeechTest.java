package org.onetrip.kiosk.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline speech with the real espeak-ng (skipped where it is not installed), and its timeout with a stuck one. */
class EspeakSpeechTest {
    @TempDir
    Path dir;

    @Test
    void espeak_ng_renders_a_chinese_prompt_as_a_wav() {
        Optional<EspeakSpeech> espeak = EspeakSpeech.installed(Duration.ofSeconds(10));
        assumeTrue(espeak.isPresent(), "espeak-ng is not installed (apt-get install espeak-ng)");
        byte[] wav = espeak.get().wav("请把回执二维码对准摄像头", Locale.SIMPLIFIED_CHINESE).orElseThrow();
        assertEquals("RIFF", new String(Arrays.copyOfRange(wav, 0, 4), StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(Arrays.copyOfRange(wav, 8, 12), StandardCharsets.US_ASCII));
        assertTrue(wav.length > 22_050, "about a second of speech or more: " + wav.length + " bytes");
        byte[] english = espeak.get().wav("Please tap your ID card", Locale.ENGLISH).orElseThrow();
        assertTrue(english.length > 22_050);
    }

    @Test
    void a_speech_engine_that_hangs_is_killed_and_the_prompt_stays_silent() throws Exception {
        Path stuck = dir.resolve("espeak-ng");
        Files.writeString(stuck, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(stuck, PosixFilePermissions.fromString("rwx------"));
        EspeakSpeech speech = new EspeakSpeech(stuck, Duration.ofMillis(300));
        assertEquals(Optional.empty(), speech.wav("首页", Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void a_missing_or_failing_engine_is_silent_too() throws Exception {
        assertEquals(Optional.empty(), new EspeakSpeech(dir.resolve("absent"), Duration.ofSeconds(1))
                .wav("首页", Locale.SIMPLIFIED_CHINESE));
        Path failing = dir.resolve("failing");
        Files.writeString(failing, "#!/bin/sh\nexit 3\n");
        Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
        assertEquals(Optional.empty(), new EspeakSpeech(failing, Duration.ofSeconds(5))
                .wav("首页", Locale.SIMPLIFIED_CHINESE));
    }
}
