package org.onetrip.kiosk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.onetrip.kiosk.journey.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 11's paired start-up benchmark: the time from {@code exec java} to the first <em>rendered</em> page in
 * headless Chromium, and the JVM's resident set size at that moment, for OneTrip's demo and for the idiomatic
 * alternative (Vaadin 25 on the Spring Boot starter, bench/spring-starter), alternating which goes first.
 *
 * <p>Usage (bench/startup.sh builds both and passes these): {@code StartupBenchmark PAIRS JAVA STARTER_JAR
 * ONETRIP_CLASSPATH [ONETRIP_JVM_FLAGS...]}. One warm-up start of each is not counted (it fills the page cache and
 * creates OneTrip's database, as a terminal that reboots has one). The browser is started once, before any app.
 */
public final class StartupBenchmark {
    private static final Duration GIVE_UP = Duration.ofSeconds(120);

    record Run(String app, long millis, long rssKb) {
    }

    public static void main(String[] args) throws Exception {
        int pairs = Integer.parseInt(args[0]);
        String java = args[1];
        Path starterJar = Path.of(args[2]);
        String onetripClasspath = args[3];
        List<String> onetripFlags = Arrays.asList(args).subList(4, args.length);
        Path work = Files.createTempDirectory("startup-bench");
        ChromeDriver browser = Browser.start(work.resolve("profile"));
        try {
            App onetrip = port -> command(java, onetripFlags, "-cp", onetripClasspath, "org.onetrip.kiosk.Main",
                    "demo", "--port", String.valueOf(port), "--data-dir", work.resolve("onetrip-data").toString());
            App starter = port -> command(java, List.of(), "-jar", starterJar.toString(),
                    "--server.port=" + port);
            measure(browser, "onetrip", onetrip, "tile-apply");
            measure(browser, "starter", starter, "ready");
            List<Run> runs = new ArrayList<>();
            List<double[]> ratios = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                Run a;
                Run b;
                if (i % 2 == 0) {
                    a = measure(browser, "onetrip", onetrip, "tile-apply");
                    b = measure(browser, "starter", starter, "ready");
                } else {
                    b = measure(browser, "starter", starter, "ready");
                    a = measure(browser, "onetrip", onetrip, "tile-apply");
                }
                runs.add(a);
                runs.add(b);
                ratios.add(new double[] {(double) a.millis() / b.millis(), (double) a.rssKb() / b.rssKb()});
                System.out.printf(Locale.ROOT, "pair %d: onetrip %d ms %d MB | starter %d ms %d MB | time ×%.2f rss ×%.2f%n",
                        i + 1, a.millis(), a.rssKb() / 1024, b.millis(), b.rssKb() / 1024,
                        ratios.getLast()[0], ratios.getLast()[1]);
            }
            System.out.printf(Locale.ROOT, "median start to rendered page: onetrip %d ms, starter %d ms%n",
                    median(runs, "onetrip", Run::millis), median(runs, "starter", Run::millis));
            System.out.printf(Locale.ROOT, "median RSS at that moment: onetrip %d MB, starter %d MB%n",
                    median(runs, "onetrip", Run::rssKb) / 1024, median(runs, "starter", Run::rssKb) / 1024);
            System.out.printf(Locale.ROOT, "median pairwise ratio onetrip/starter: time %.2f (target ≤ 0.40), "
                    + "RSS %.2f (target ≤ 0.70)%n", medianOf(ratios, 0), medianOf(ratios, 1));
        } finally {
            browser.quit();
        }
    }

    interface App {
        List<String> command(int port);
    }

    private static List<String> command(String java, List<String> flags, String... rest) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(flags);
        c.addAll(List.of(rest));
        return c;
    }

    /** Starts the app, loads its page until the element with {@code readyId} is displayed, reads RSS, stops it. */
    private static Run measure(ChromeDriver browser, String name, App app, String readyId) throws Exception {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/";
        browser.get("about:blank");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(app.command(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (name.equals("onetrip")) {
            builder.environment().put("MALLOC_ARENA_MAX", "2"); // as onetrip.service runs it
        }
        Process process = builder.start();
        try {
            long deadline = start + GIVE_UP.toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " before its page");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + ": no rendered page within " + GIVE_UP);
                }
                if (rendered(browser, url, readyId)) {
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    return new Run(name, millis, rssKb(process.pid()));
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** One attempt: load the page (a refused connection shows Chromium's error page) and look for the element. */
    private static boolean rendered(ChromeDriver browser, String url, String readyId) throws InterruptedException {
        try {
            if (!url.equals(browser.getCurrentUrl()) || !browser.findElements(By.id("main-frame-error")).isEmpty()
                    || browser.getPageSource().contains("ERR_CONNECTION_REFUSED")) {
                browser.get(url);
            }
            for (int i = 0; i < 40; i++) { // the page loaded: Vaadin renders the view a moment after the bootstrap
                var found = browser.findElements(By.id(readyId));
                if (!found.isEmpty() && found.getFirst().isDisplayed()) {
                    return true;
                }
                if (browser.getPageSource().contains("ERR_CONNECTION_REFUSED")) {
                    break;
                }
                Thread.sleep(5);
            }
        } catch (WebDriverException e) {
            // the server went away between the load and the query: try again
        }
        Thread.sleep(20);
        return false;
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long median(List<Run> runs, String app, java.util.function.ToLongFunction<Run> f) {
        long[] v = runs.stream().filter(r -> r.app().equals(app)).mapToLong(f).sorted().toArray();
        return v[v.length / 2];
    }

    private static double medianOf(List<double[]> ratios, int index) {
        double[] v = ratios.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
