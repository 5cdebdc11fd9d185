package org.onetrip.kiosk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.onetrip.kiosk.journey.Browser;
import org.onetrip.kiosk.web.LatencyHistogram;
import org.onetrip.kiosk.web.RequestTimingHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives N full resident journeys through a real headless Chromium (one browser, one journey after another, as
 * at a kiosk) against the demo kiosk in a child JVM with the given heap limit: home → 刷证办事 → a demo card on
 * the simulated reader → 城乡居民基本养老保险待遇领取 → the prefilled form (a phone number typed) → review →
 * submit (sealed, printed) → receipt on screen → 完成 (the session is invalidated, home again).
 *
 * <p>Server time per request comes from the kiosk's own timing hook ({@code GET /health/timings}), as the
 * difference between a reading after the warm-up journeys and one at the end. At each checkpoint the journey is
 * abandoned on the receipt screen instead of finished, the resident idle timeout wipes it, and then the child's
 * resident set size (VmRSS), a heap histogram ({@code jcmd GC.class_histogram}, which collects first: live objects
 * only) and the RSS after that full collection are taken.
 *
 * <p>{@code bench/run.sh kiosk-app org.onetrip.kiosk.bench.JourneyBenchmark --journeys 200 --xmx 256m
 * --checkpoints 50,200 [--idle 30] [--warmup 10] [--jvm -XX:+UseSerialGC,-XX:…] [--java CMD,ARG,…]
 * [--ready-seconds 180] [--step-seconds 30]}; {@code --java} runs the kiosk on another JVM (an arm64 one under
 * qemu-user: docs/benchmarks.md).
 */
public final class JourneyBenchmark {
    private static final String PENSION = "113401210034512345205002001";
    private static final Path OUT = Path.of("kiosk-app", "target", "bench-journey");

    private final Options options;
    private final Path runDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Long> journeyMillis = new ArrayList<>();
    private final List<String> report = new ArrayList<>();
    private Process kiosk;
    private URI uri;
    private ChromeDriver browser;
    private WebDriverWait wait;
    /** UIDL server time per step of the journey (after warm-up), from a reading of the timings after each step. */
    private final Map<String, LatencyHistogram.Snapshot> perStep = new LinkedHashMap<>();
    private final Map<String, LatencyHistogram.Snapshot> perStepCpu = new LinkedHashMap<>();
    private Map<String, LatencyHistogram.Snapshot> lastReading;
    private boolean measuring;
    private String lastStep = "";

    record Options(int journeys, String xmx, TreeSet<Integer> checkpoints, int idleSeconds, int warmup,
                   List<String> jvm, List<String> java, int readySeconds, int stepSeconds) {
        static Options parse(String[] args) {
            int journeys = 50;
            String xmx = "256m";
            TreeSet<Integer> checkpoints = new TreeSet<>();
            int idle = 30;
            int warmup = 10;
            List<String> jvm = new ArrayList<>();
            List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            int readySeconds = 180;
            int stepSeconds = 30;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--journeys" -> journeys = Integer.parseInt(value);
                    case "--xmx" -> xmx = value;
                    case "--checkpoints" -> Arrays.stream(value.split(",")).map(Integer::parseInt).forEach(checkpoints::add);
                    case "--idle" -> idle = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--jvm" -> jvm.addAll(Arrays.asList(value.split(",")));
                    // another JVM for the kiosk, e.g. an arm64 one under qemu-user: the command, comma-separated
                    case "--java" -> java = Arrays.asList(value.split(","));
                    case "--ready-seconds" -> readySeconds = Integer.parseInt(value);
                    case "--step-seconds" -> stepSeconds = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            checkpoints.add(journeys);
            return new Options(journeys, xmx, checkpoints, idle, warmup, jvm, java, readySeconds, stepSeconds);
        }
    }

    private JourneyBenchmark(Options options) throws IOException {
        this.options = options;
        this.runDir = OUT.resolve(Instant.now().toString().replace(':', '-')).toAbsolutePath();
        Files.createDirectories(runDir);
    }

    public static void main(String[] args) throws Exception {
        JourneyBenchmark bench = new JourneyBenchmark(Options.parse(args));
        try {
            bench.run();
        } finally {
            bench.close();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        say("run directory " + runDir);
        say("options " + options + "; load at start: " + loadAverage());
        long startNanos = System.nanoTime();
        startKiosk();
        say(String.format("kiosk ready in %.1f s at %s, pid %d, VmRSS %d MB", (System.nanoTime() - startNanos) / 1e9,
                uri, kiosk.pid(), rssKb() / 1024));
        browser = Browser.start(runDir.resolve("chromium"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(options.stepSeconds()), Duration.ofMillis(20));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(uri.toString());
        Map<String, LatencyHistogram.Snapshot> afterWarmup = null;
        long cpuAfterWarmup = 0;
        int failures = 0;
        int failuresInARow = 0;
        for (int i = 1; i <= options.journeys(); i++) {
            boolean checkpoint = options.checkpoints().contains(i);
            long t0 = System.nanoTime();
            try {
                journey(i, checkpoint);
                journeyMillis.add((System.nanoTime() - t0) / 1_000_000);
                failuresInARow = 0;
            } catch (RuntimeException e) {
                failures++;
                failuresInARow++;
                save("failure-" + i);
                say("journey " + i + " failed (" + failures + " so far) after the step \"" + lastStep + "\": "
                        + e.getMessage().lines().findFirst().orElse(""));
                if (failuresInARow > 5) {
                    throw new IllegalStateException("more than five journeys in a row failed; see " + runDir, e);
                }
                browser.get(uri.toString());
            }
            if (i == options.warmup()) {
                afterWarmup = timings();
                cpuAfterWarmup = cpuMillis();
                measuring = true;
            }
            if (checkpoint) {
                checkpoint(i);
            }
            if (i % 25 == 0) {
                say("journey " + i + " done; load " + loadAverage());
            }
        }
        int measured = options.journeys() - options.warmup();
        Map<String, LatencyHistogram.Snapshot> end = timings();
        say("");
        say("journeys: " + options.journeys() + " (" + failures + " failed), measured after warm-up: " + measured
                + "; load at end: " + loadAverage());
        say(String.format("journey wall time in the browser: p50 %d ms, p95 %d ms", percentile(journeyMillis, 50),
                percentile(journeyMillis, 95)));
        say(String.format("kiosk CPU per measured journey: %.0f ms", (cpuMillis() - cpuAfterWarmup) / (double) measured));
        say("| requests (after warm-up) | count | per journey | p50 | p95 | p99 | max |");
        say("|---|---:|---:|---:|---:|---:|---:|");
        for (String key : end.keySet()) {
            LatencyHistogram.Snapshot s = afterWarmup == null ? end.get(key) : end.get(key).minus(afterWarmup.get(key));
            say(String.format("| %s | %d | %.1f | %s | %s | %s | %s |", key.endsWith(".cpu")
                            ? key.replace(".cpu", ", CPU of the handling thread") : key + ", server time", s.count(),
                    s.count() / (double) measured, ms(s.percentileMicros(50)), ms(s.percentileMicros(95)),
                    ms(s.percentileMicros(99)), ms(s.maxMicros())));
        }
        say("");
        say("UIDL requests by step of the journey (each step's requests: those completed between two readings)");
        say("| step | count | per journey | p50 | p95 | p99 | max | CPU p95 |");
        say("|---|---:|---:|---:|---:|---:|---:|---:|");
        LatencyHistogram.Snapshot exceptSubmit = LatencyHistogram.Snapshot.empty();
        for (var step : perStep.entrySet()) {
            LatencyHistogram.Snapshot s = step.getValue();
            say(String.format("| %s | %d | %.1f | %s | %s | %s | %s | %s |", step.getKey(), s.count(),
                    s.count() / (double) measured, ms(s.percentileMicros(50)), ms(s.percentileMicros(95)),
                    ms(s.percentileMicros(99)), ms(s.maxMicros()), ms(perStepCpu.get(step.getKey()).percentileMicros(95))));
            if (!step.getKey().equals("submit (seal, print)")) {
                exceptSubmit = plus(exceptSubmit, s);
            }
        }
        say(String.format("| all steps except submit | %d | %.1f | %s | %s | %s | %s | |", exceptSubmit.count(),
                exceptSubmit.count() / (double) measured, ms(exceptSubmit.percentileMicros(50)),
                ms(exceptSubmit.percentileMicros(95)), ms(exceptSubmit.percentileMicros(99)),
                ms(exceptSubmit.maxMicros())));
        say("");
        report.forEach(System.out::println);
    }

    /** Attributes the UIDL requests completed since the last reading to {@code name}. */
    private void step(String name) {
        lastStep = name;
        try {
            Map<String, LatencyHistogram.Snapshot> now = timings();
            if (measuring && lastReading != null) {
                perStep.merge(name, now.get("uidl").minus(lastReading.get("uidl")), JourneyBenchmark::plus);
                perStepCpu.merge(name, now.get("uidl.cpu").minus(lastReading.get("uidl.cpu")), JourneyBenchmark::plus);
            }
            lastReading = now;
        } catch (Exception e) {
            throw new IllegalStateException("timings not readable", e);
        }
    }

    private static LatencyHistogram.Snapshot plus(LatencyHistogram.Snapshot a, LatencyHistogram.Snapshot b) {
        long[] counts = a.counts().clone();
        for (int i = 0; i < counts.length; i++) {
            counts[i] += b.counts()[i];
        }
        return new LatencyHistogram.Snapshot(counts, Math.max(a.maxMicros(), b.maxMicros()));
    }

    private void journey(int i, boolean abandon) {
        step("(between journeys)");
        click(By.id("tile-apply"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#demo-panel .demo-card")));
        step("home: 刷证办事");
        // the identify screen's card, not the home screen's "scan the last receipt" (also a .demo-card)
        click(By.cssSelector("#demo-panel .demo-card"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resident")));
        step("demo card tap (card read, items)");
        click(By.cssSelector(".item[data-task='" + PENSION + "']"));
        // The same demo card comes back every journey, so from the second on the form first asks whether to
        // prefill it from the resident's earlier submission: answered "no", the form is the first-time one.
        WebElement formOrQuestion = wait.until(d -> d.findElements(By.cssSelector("#prefill-no, #field-phone input"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        if ("prefill-no".equals(formOrQuestion.getAttribute("id"))) {
            step("item chosen (prefill question)");
            click(By.id("prefill-no"));
        }
        String number = String.format("139%08d", i);
        wait.until(d -> {
            d.findElement(By.cssSelector("#field-phone input")).sendKeys(number);
            return true;
        });
        step("form shown, phone typed");
        click(By.id("to-review"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
        step("to review");
        click(By.id("submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-image")));
        step("submit (seal, print)");
        if (abandon) {
            long left = System.nanoTime();
            new WebDriverWait(browser, Duration.ofSeconds(options.idleSeconds() + 60), Duration.ofMillis(100))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
            say(String.format("journey %d left on the receipt: wiped to home after %.1f s", i,
                    (System.nanoTime() - left) / 1e9));
            step("(idle wipe)");
            return;
        }
        click(By.id("done"));
        // 完成 reloads the page: a look while the browser navigates is "aborted by navigation"; look again.
        wait.until(d -> {
            try {
                return ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")).apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                return null;
            }
        });
        step("完成 (session invalidated, home)");
    }

    private void checkpoint(int journeys) throws Exception {
        Thread.sleep(3_000);
        long rss = rssKb();
        Path histogramFile = runDir.resolve("histogram-" + journeys + ".txt");
        String histogram = jcmd("GC.class_histogram");
        Files.writeString(histogramFile, histogram);
        long rssAfterGc = rssKb();
        String heapInfo = jcmd("GC.heap_info");
        List<String> block = new ArrayList<>();
        block.add("### after " + journeys + " journeys (-Xmx" + options.xmx() + ")");
        block.add(String.format("VmRSS %d MB; after the histogram's full GC %d MB; VmHWM %d MB; live heap %s MB;"
                        + " load %s", rss / 1024, rssAfterGc / 1024, status("VmHWM") / 1024,
                liveHeapMb(histogram), loadAverage()));
        block.add("live: " + instances(histogram, "com.vaadin.flow.server.VaadinSession", "com.vaadin.flow.component.UI",
                "org.onetrip.kiosk.session.ResidentSession", "org.onetrip.kiosk.session.IdleGuard",
                "org.eclipse.jetty.session.ManagedSession"));
        block.add("heap: " + heapInfo.lines().skip(1).map(String::strip).reduce((a, b) -> a + " / " + b).orElse(""));
        block.subList(0, 4).forEach(this::say);
        block.add("```");
        histogram.lines().limit(23).forEach(block::add);
        block.add("```");
        report.addAll(block);
    }

    private void startKiosk() throws Exception {
        Path dataDir = runDir.resolve("data");
        List<String> command = new ArrayList<>(options.java());
        command.addAll(List.of("-Xmx" + options.xmx(), "--enable-native-access=ALL-UNNAMED",
                "-Dvaadin.productionMode=true",
                "-Donetrip.logDir=" + dataDir.resolve("logs"), "-Dorg.sqlite.tmpdir=" + dataDir.resolve("native")));
        command.addAll(options.jvm());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JourneyKiosk.class.getName(),
                dataDir.toString(), Integer.toString(options.idleSeconds())));
        say("kiosk: " + String.join(" ", command.stream().filter(a -> !a.contains(":/")).toList()));
        kiosk = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("kiosk-output").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter log = new PrintWriter(Files.newBufferedWriter(runDir.resolve("kiosk.log")), true)) {
                for (String line; (line = out.readLine()) != null; ) {
                    log.println(line);
                    if (line.startsWith(JourneyKiosk.READY)) {
                        ready.complete(URI.create(line.substring(JourneyKiosk.READY.length()).strip()));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the kiosk ended before it was ready; see kiosk.log"));
        });
        uri = ready.get(options.readySeconds(), TimeUnit.SECONDS);
    }

    private Map<String, LatencyHistogram.Snapshot> timings() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri.resolve(RequestTimingHandler.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = JsonMapper.builder().build().readTree(response.body());
        Map<String, LatencyHistogram.Snapshot> snapshots = new LinkedHashMap<>();
        for (String key : json.propertyNames()) {
            JsonNode node = json.get(key);
            long[] counts = new long[LatencyHistogram.BUCKETS];
            for (JsonNode bucket : node.get("buckets")) {
                counts[bucket.get(0).asInt()] = bucket.get(1).asLong();
            }
            snapshots.put(key, new LatencyHistogram.Snapshot(counts, node.get("maxUs").asLong()));
        }
        return snapshots;
    }

    private String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(kiosk.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private long rssKb() throws IOException {
        return status("VmRSS");
    }

    private long status(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(kiosk.pid()), "status")).stream()
                .filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElseThrow();
    }

    /** User plus system CPU of the kiosk JVM, from /proc/PID/stat (clock ticks of 10 ms). */
    private long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(kiosk.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static String liveHeapMb(String histogram) {
        return histogram.lines().filter(l -> l.startsWith("Total")).findFirst()
                .map(l -> l.trim().split("\\s+"))
                .map(f -> String.format("%.1f", Long.parseLong(f[2]) / 1048576.0)).orElse("?");
    }

    private static String instances(String histogram, String... classes) {
        StringBuilder out = new StringBuilder();
        for (String name : classes) {
            long count = histogram.lines().map(l -> l.trim().split("\\s+"))
                    .filter(f -> f.length >= 4 && f[3].equals(name))
                    .mapToLong(f -> Long.parseLong(f[1])).sum();
            out.append(name.substring(name.lastIndexOf('.') + 1)).append(' ').append(count).append("; ");
        }
        return out.toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static String ms(long micros) {
        return String.format("%.1f ms", micros / 1000.0);
    }

    /** Finds and clicks in one step, again while the element is being re-rendered (stale) or not there yet. */
    private void click(By by) {
        wait.until(d -> {
            WebElement element = d.findElement(by);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return null;
            }
            element.click();
            return true;
        });
    }

    private void save(String name) {
        try {
            Files.write(runDir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            Files.writeString(runDir.resolve(name + ".txt"), browser.findElement(By.tagName("body")).getText());
        } catch (RuntimeException | IOException e) {
            say("could not save " + name + ": " + e.getMessage());
        }
    }

    private void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private void close() {
        if (browser != null) {
            browser.quit();
        }
        if (kiosk != null) {
            try {
                kiosk.getOutputStream().close();
                if (!kiosk.waitFor(30, TimeUnit.SECONDS)) {
                    kiosk.destroy();
                }
            } catch (IOException | InterruptedException e) {
                kiosk.destroy();
            }
        }
    }
}
