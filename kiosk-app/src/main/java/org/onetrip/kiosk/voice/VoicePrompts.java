package org.onetrip.kiosk.voice;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.onetrip.kiosk.ui.ElderMode;
import org.onetrip.provisioning.config.TerminalConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.H1;

/**
 * Speaks screen prompts without ever holding up a screen: {@link #say} only puts the sentence on a small bounded
 * queue (a newer prompt for the same page replaces one still waiting; a full queue drops the prompt); one worker
 * thread renders it with the {@link Speech} engine (whose process has its own timeout) and hands the WAV to the
 * page through {@code ui.access}, where the browser plays it. Rendered prompts are cached: screens repeat them.
 * Whether to speak follows the terminal's {@code voice.prompts} setting and the session's 长辈模式.
 */
public final class VoicePrompts extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(VoicePrompts.class);
    static final int QUEUE = 4;
    static final int CACHE = 64;
    private static final Job STOP = new Job(null, "", Locale.ROOT, wav -> {
    });

    private final TerminalConfig.Voice setting;
    private final Speech speech;
    private final LinkedBlockingDeque<Job> queue = new LinkedBlockingDeque<>(QUEUE);
    private final Map<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHE;
        }
    };
    private final AtomicLong spoken = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private Thread worker;

    record Job(Object page, String text, Locale locale, Consumer<byte[]> then) {
    }

    public VoicePrompts(TerminalConfig.Voice setting, Speech speech) {
        this.setting = setting;
        this.speech = speech;
    }

    /** espeak-ng when installed (each prompt killed after {@code timeout}); else silent, said once in the log. */
    public static VoicePrompts offline(TerminalConfig.Voice setting, java.time.Duration timeout) {
        Optional<EspeakSpeech> espeak = EspeakSpeech.installed(timeout);
        if (espeak.isEmpty() && setting != TerminalConfig.Voice.OFF) {
            log.info("voice prompts: espeak-ng is not installed, so the kiosk stays silent "
                    + "(apt-get install espeak-ng to hear prompts)");
        }
        return new VoicePrompts(setting, espeak.<Speech>map(s -> s).orElse(Speech.SILENT));
    }

    /** Whether the current session hears prompts (on the UI thread: elder mode lives in the session). */
    public boolean enabled() {
        return switch (setting) {
            case ON -> true;
            case OFF -> false;
            case ELDER -> ElderMode.isOn();
        };
    }

    /** Speaks {@code text} on {@code ui}'s page, if this session hears prompts. Returns at once. */
    public void say(UI ui, String text) {
        if (ui != null && enabled()) {
            enqueue(ui, text, ui.getLocale(), wav -> play(ui, wav));
        }
    }

    /** Speaks {@code view}'s prompt ({@link Spoken}, else its first heading) on {@code ui}'s page. */
    public void announce(UI ui, Component view) {
        if (ui != null && enabled()) {
            promptOf(view).ifPresent(text -> say(ui, text));
        }
    }

    static Optional<String> promptOf(Component view) {
        if (view instanceof Spoken s) {
            return Optional.ofNullable(s.voicePrompt()).filter(t -> !t.isBlank());
        }
        return firstHeading(view).map(H1::getText).filter(t -> !t.isBlank());
    }

    private static Optional<H1> firstHeading(Component c) {
        if (c instanceof H1 h) {
            return Optional.of(h);
        }
        return c.getChildren().map(VoicePrompts::firstHeading).flatMap(Optional::stream).findFirst();
    }

    /** Puts a prompt on the queue; a newer one for {@code page} replaces one still waiting. Never blocks. */
    boolean enqueue(Object page, String text, Locale locale, Consumer<byte[]> then) {
        if (text == null || text.isBlank() || !isRunning()) {
            return false;
        }
        queue.removeIf(job -> job.page() == page);
        if (!queue.offerLast(new Job(page, text.strip(), locale, then))) {
            dropped.incrementAndGet();
            log.debug("voice prompts: queue full, a prompt was dropped");
            return false;
        }
        return true;
    }

    private void work() {
        while (true) {
            Job job;
            try {
                job = queue.takeFirst();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (job == STOP) {
                return;
            }
            try {
                render(job).ifPresent(wav -> {
                    spoken.incrementAndGet();
                    job.then().accept(wav);
                });
            } catch (RuntimeException e) {
                log.warn("voice prompts: a prompt failed ({}); the next one is spoken as usual", e.toString());
            }
        }
    }

    private Optional<byte[]> render(Job job) {
        String key = job.locale().toLanguageTag() + "|" + job.text();
        synchronized (cache) {
            byte[] cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<byte[]> wav = speech.wav(job.text(), job.locale());
        wav.ifPresent(w -> {
            synchronized (cache) {
                cache.put(key, w);
            }
        });
        return wav;
    }

    private static void play(UI ui, byte[] wav) {
        String b64 = Base64.getEncoder().encodeToString(wav);
        try {
            ui.access(() -> ui.getPage().executeJs("""
                    const a = window.__onetripVoice || (window.__onetripVoice = new Audio());
                    a.pause();
                    a.src = 'data:audio/wav;base64,' + $0;
                    window.__onetripVoiceCount = (window.__onetripVoiceCount || 0) + 1;
                    a.play().catch(() => {});""", b64));
        } catch (UIDetachedException e) {
            // the page went away before its prompt was ready: nothing to say
        }
    }

    /** Prompts rendered and handed to a page so far. */
    public long spoken() {
        return spoken.get();
    }

    /** Prompts dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    protected void doStart() {
        queue.clear();
        worker = new Thread(this::work, "voice-prompts");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    protected void doStop() throws InterruptedException {
        queue.clear();
        queue.offerFirst(STOP);
        worker.join(TimeUnit.SECONDS.toMillis(5));
        if (worker.isAlive()) {
            worker.interrupt();
        }
    }

    @Override
    public String toString() {
        return "voice-prompts[" + setting.name().toLowerCase(Locale.ROOT) + ", " + speech + "]@" + getState();
    }
}
