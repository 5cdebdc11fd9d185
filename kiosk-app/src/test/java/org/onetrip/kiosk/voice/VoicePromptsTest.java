package org.onetrip.kiosk.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onetrip.provisioning.config.TerminalConfig;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;

/** Voice prompts with a fake speech engine: never blocking the caller, bounded, newest prompt per page wins. */
class VoicePromptsTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private final List<String> rendered = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private VoicePrompts voice;

    /** A speech engine that hangs on its first sentence until the test releases it, as a stuck espeak-ng would. */
    private final Speech stuckOnce = (text, locale) -> {
        rendered.add(text);
        if (rendered.size() == 1) {
            firstStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.of(("WAV:" + text).getBytes());
    };

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        if (voice != null) {
            voice.stop();
        }
    }

    @Test
    void saying_never_waits_for_the_speech_engine_and_a_full_queue_drops_prompts() throws Exception {
        voice = new VoicePrompts(TerminalConfig.Voice.ON, stuckOnce);
        voice.start();
        BlockingQueue<byte[]> played = new LinkedBlockingQueue<>();
        assertTrue(voice.enqueue("page-0", "第一句", ZH, played::add));
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS), "the worker took the first prompt");
        for (int page = 1; page <= VoicePrompts.QUEUE; page++) {
            assertTrue(voice.enqueue("page-" + page, "句子" + page, ZH, played::add), "room for prompt " + page);
        }
        assertFalse(voice.enqueue("one-too-many", "多余的一句", ZH, played::add), "the queue is bounded");
        assertEquals(1, voice.dropped());
        release.countDown();
        for (int i = 0; i <= VoicePrompts.QUEUE; i++) {
            assertTrue(played.poll(5, TimeUnit.SECONDS) != null, "prompt " + i + " played once the engine was free");
        }
        assertFalse(rendered.contains("多余的一句"));
    }

    @Test
    void a_newer_prompt_for_the_same_page_replaces_the_one_still_waiting() throws Exception {
        voice = new VoicePrompts(TerminalConfig.Voice.ON, stuckOnce);
        voice.start();
        BlockingQueue<String> played = new LinkedBlockingQueue<>();
        voice.enqueue("page", "首页", ZH, wav -> played.add(new String(wav)));
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        voice.enqueue("page", "请刷身份证", ZH, wav -> played.add(new String(wav)));
        voice.enqueue("page", "请选择事项", ZH, wav -> played.add(new String(wav)));
        release.countDown();
        assertEquals("WAV:首页", played.poll(5, TimeUnit.SECONDS));
        assertEquals("WAV:请选择事项", played.poll(5, TimeUnit.SECONDS));
        assertEquals(List.of("首页", "请选择事项"), rendered, "the replaced prompt was never rendered");
    }

    @Test
    void a_prompt_spoken_twice_is_rendered_once() throws Exception {
        voice = new VoicePrompts(TerminalConfig.Voice.ON, (text, locale) -> {
            rendered.add(text);
            return Optional.of(text.getBytes());
        });
        voice.start();
        BlockingQueue<byte[]> played = new LinkedBlockingQueue<>();
        voice.enqueue("a", "请扫描回执二维码", ZH, played::add);
        assertTrue(played.poll(5, TimeUnit.SECONDS) != null);
        voice.enqueue("b", "请扫描回执二维码", ZH, played::add);
        assertTrue(played.poll(5, TimeUnit.SECONDS) != null);
        assertEquals(List.of("请扫描回执二维码"), rendered);
        assertEquals(2, voice.spoken());
    }

    @Test
    void a_stopped_or_silent_kiosk_takes_no_prompts() throws Exception {
        voice = new VoicePrompts(TerminalConfig.Voice.ON, Speech.SILENT);
        assertFalse(voice.enqueue("page", "首页", ZH, wav -> {
        }), "not started");
        voice.start();
        assertTrue(voice.enqueue("page", "首页", ZH, wav -> {
        }));
        assertFalse(voice.enqueue("page", "  ", ZH, wav -> {
        }), "nothing to say");
    }

    @Test
    void the_setting_decides_who_hears_prompts() {
        assertTrue(new VoicePrompts(TerminalConfig.Voice.ON, Speech.SILENT).enabled());
        assertFalse(new VoicePrompts(TerminalConfig.Voice.OFF, Speech.SILENT).enabled());
        assertFalse(new VoicePrompts(TerminalConfig.Voice.ELDER, Speech.SILENT).enabled(),
                "elder mode only, and outside a session nobody switched it on");
    }

    @Test
    void a_screens_prompt_is_its_first_heading_unless_it_says_its_own() {
        Div screen = new Div(new Div(new H1("请刷身份证")), new H1("第二个标题"));
        assertEquals(Optional.of("请刷身份证"), VoicePrompts.promptOf(screen));
        assertEquals(Optional.empty(), VoicePrompts.promptOf(new Div()));
        class Own extends Div implements Spoken {
            @Override
            public String voicePrompt() {
                return "请把材料放平";
            }
        }
        assertEquals(Optional.of("请把材料放平"), VoicePrompts.promptOf(new Own()));
    }
}
