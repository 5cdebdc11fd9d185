package org.onetrip.kiosk.voice;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline speech with espeak-ng: {@code espeak-ng -v cmn -w FILE --stdin} (Mandarin; {@code en} for English), the
 * text on standard input (never on the command line), killed when it takes longer than the timeout.
 */
public final class EspeakSpeech implements Speech {
    private static final Logger log = LoggerFactory.getLogger(EspeakSpeech.class);
    /** Words per minute: a little slower than espeak-ng's 175, for older listeners. */
    static final int SPEED = 145;

    private final Path command;
    private final Duration timeout;

    public EspeakSpeech(Path command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    /** espeak-ng on the {@code PATH}, if installed. */
    public static Optional<EspeakSpeech> installed(Duration timeout) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "espeak-ng");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new EspeakSpeech(candidate, timeout));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<byte[]> wav(String text, Locale locale) {
        Path out = null;
        Process process = null;
        try {
            out = Files.createTempFile("onetrip-voice-", ".wav");
            String voice = "zh".equals(locale.getLanguage()) ? "cmn" : "en";
            process = new ProcessBuilder(List.of(command.toString(), "-v", voice, "-s", Integer.toString(SPEED),
                    "-w", out.toString(), "--stdin"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("voice[{}]: espeak-ng took longer than {} ms; stopped, this prompt stays silent",
                        command, timeout.toMillis());
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                log.warn("voice[{}]: espeak-ng exited with {}; this prompt stays silent", command, process.exitValue());
                return Optional.empty();
            }
            byte[] wav = Files.readAllBytes(out);
            return wav.length > 44 ? Optional.of(wav) : Optional.empty();
        } catch (IOException e) {
            log.warn("voice[{}]: espeak-ng could not run ({}); this prompt stays silent", command, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    log.debug("voice: temporary file {} left behind ({})", out, e.toString());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "espeak-ng[" + command + "]";
    }
}
