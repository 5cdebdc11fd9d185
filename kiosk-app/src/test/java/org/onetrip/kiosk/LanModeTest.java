package org.onetrip.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.kiosk.journey.Browser;
import org.onetrip.provisioning.cli.ProvisionCli;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.uplink.Sm2;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * LAN mode on a terminal enrolled and provisioned with the real {@code onetrip-provision} commands, its certificate
 * made by {@code onetrip-provision lan}: the HTTPS connector serves the allow-listed client addresses and refuses
 * the others through Jetty's InetAccessHandler (the clients really connect from different loopback addresses:
 * 127.0.0.1 is left off the allow-list, 127.0.0.2 is on it), and a missing allow-list stops the start.
 */
class LanModeTest {
    private static final String TERMINAL = "ot-340121100004-lan";

    @TempDir
    Path dir;
    private Path data;
    private final KeyPair county = Sm2.generateKeyPair();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Clock clock = Clock.system(KioskApplication.CHINA);

    @BeforeEach
    void provisionTheTerminal() throws IOException {
        data = dir.resolve("var-lib-onetrip");
        enroll();
        apply();
        Files.writeString(data.resolve("devices.properties"),
                "reader=simulated\nscanner=simulated\npanel=simulated\nprinter.transport=simulated\n");
    }

    @AfterEach
    void noLeftovers() {
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void lan_mode_serves_https_to_the_allow_list_only_and_never_the_diagnostics() throws Exception {
        provision("lan", "--data-dir", data.toString(), "--address", "127.0.0.1", "--allow", "127.0.0.2,10.0.0.5",
                "--port", "0");
        assertTrue(out.toString().contains("certificate SHA-256 "), out.toString());
        appendToTerminalProperties("web.lan.bind=127.0.0.1\n"); // the test machine's LAN stays out of it

        KioskApplication app = KioskApplication.of(new EnrolledTerminal(data).setup("127.0.0.1", 0)
                .with(Duration.ofMinutes(10), null), clock);
        app.start();
        try {
            URI lan = app.lanUri().orElseThrow();
            assertEquals("https", lan.getScheme());
            HttpClient allowed = https("127.0.0.2");
            HttpResponse<String> page = allowed.send(HttpRequest.newBuilder(lan).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), "127.0.0.2 is on the allow-list");
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
            String lanCookie = page.headers().firstValue("Set-Cookie").orElse("no session cookie");
            assertTrue(lanCookie.contains("HttpOnly") && lanCookie.contains("SameSite=Strict")
                    && lanCookie.contains("Secure"), lanCookie);
            assertEquals(403, allowed.send(HttpRequest.newBuilder(lan.resolve("/health/timings")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "no diagnostics to the LAN");
            assertEquals(403, allowed.send(HttpRequest.newBuilder(lan.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            HttpResponse<String> refused = https("127.0.0.1").send(HttpRequest.newBuilder(lan).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, refused.statusCode(), "127.0.0.1 is not on the LAN allow-list");
            assertFalse(refused.body().contains("OneTrip"), refused.body());

            URI plainToLan = URI.create("http://127.0.0.1:" + lan.getPort() + "/");
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(plainToLan).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()), "the LAN connector speaks HTTPS only");

            HttpResponse<String> local = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    app.uri().resolve("/health/timings")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, local.statusCode(), "loopback keeps plain HTTP and the diagnostics");
            String localCookie = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri()).build(),
                    HttpResponse.BodyHandlers.ofString()).headers().firstValue("Set-Cookie").orElse("no session cookie");
            assertTrue(localCookie.contains("HttpOnly") && localCookie.contains("SameSite=Strict")
                    && !localCookie.contains("Secure"), "Secure only over TLS: " + localCookie);
        } finally {
            app.stop();
        }
    }

    @Test
    void a_tablet_browser_on_the_allow_list_uses_the_kiosk_over_https_with_push_over_its_secure_websocket()
            throws Exception {
        provision("lan", "--data-dir", data.toString(), "--address", "127.0.0.1", "--allow", "127.0.0.1/32",
                "--port", "0");
        appendToTerminalProperties("web.lan.bind=127.0.0.1\n");
        KioskApplication app = KioskApplication.of(new EnrolledTerminal(data).setup("127.0.0.1", 0)
                .with(Duration.ofMinutes(10), null), clock);
        app.start();
        ChromeDriver tablet = null;
        try {
            // the tablet has trusted the terminal's self-signed certificate (docs/operations.md#lan-mode)
            tablet = Browser.start(dir.resolve("chromium"), "--ignore-certificate-errors");
            WebDriverWait wait = new WebDriverWait(tablet, Duration.ofSeconds(30));
            tablet.get(app.lanUri().orElseThrow().toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.id("tile-apply"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-panel")));
            Browser.saveScreenshot(tablet, "lan-mode-identify");
            List<String> console = tablet.manage().logs().get("browser").getAll().stream()
                    .map(LogEntry::getMessage).toList();
            assertTrue(console.stream().anyMatch(line -> line.contains("wss://127.0.0.1:")) && console.stream()
                    .anyMatch(line -> line.contains("Websocket successfully opened")), console.toString());
            Cookie session = tablet.manage().getCookieNamed("JSESSIONID");
            assertTrue(session.isSecure() && session.isHttpOnly(), session.toString());
        } finally {
            if (tablet != null) {
                tablet.quit();
            }
            app.stop();
        }
    }

    /**
     * A tablet that really comes from the network (this machine's own non-loopback address, so the kiosk sees a
     * remote client) is told to tap the card at the terminal, and a card read reaches the terminal's own screen, never
     * the tablet's. Skipped, saying so, on a machine with no non-loopback IPv4 address.
     */
    @Test
    void a_tablet_from_the_network_is_sent_to_the_terminal_for_the_card_and_never_gets_a_card_read()
            throws Exception {
        String lan = nonLoopbackAddress();
        Assumptions.assumeTrue(lan != null, "this machine has no non-loopback IPv4 address for a tablet to come from");
        provision("lan", "--data-dir", data.toString(), "--address", lan, "--allow", lan + "/32", "--port", "0");
        appendToTerminalProperties("web.lan.bind=" + lan + "\n");
        KioskApplication app = KioskApplication.of(new EnrolledTerminal(data).setup("127.0.0.1", 0)
                .with(Duration.ofMinutes(10), null), clock);
        app.start();
        ChromeDriver terminal = null;
        ChromeDriver tablet = null;
        try {
            terminal = Browser.start(dir.resolve("chromium-terminal"));
            WebDriverWait atTerminal = new WebDriverWait(terminal, Duration.ofSeconds(30));
            terminal.get(app.uri().toString());
            atTerminal.until(ExpectedConditions.elementToBeClickable(By.id("tile-apply"))).click();
            atTerminal.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-panel")));

            tablet = Browser.start(dir.resolve("chromium-tablet"), "--ignore-certificate-errors");
            WebDriverWait atTablet = new WebDriverWait(tablet, Duration.ofSeconds(30));
            tablet.get(app.lanUri().orElseThrow().toString());
            assertTrue(tablet.getCurrentUrl().contains(lan), tablet.getCurrentUrl());
            atTablet.until(ExpectedConditions.elementToBeClickable(By.id("tile-apply"))).click();
            atTablet.until(ExpectedConditions.textToBePresentInElementLocated(By.id("identify-problem"),
                    "这台平板不接读卡器"));
            assertTrue(tablet.findElements(By.id("identify-card-slot")).stream().noneMatch(e -> e.isDisplayed()),
                    "no reader area on a tablet");
            assertTrue(terminal.findElement(By.id("identify-card-slot")).isDisplayed(), "the terminal's own has it");
            Browser.saveScreenshot(tablet, "lan-tablet-not-at-terminal");

            // the card is read at the terminal (its demo panel puts it on the simulated reader)
            atTablet.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".demo-card"))).click();
            atTerminal.until(ExpectedConditions.visibilityOfElementLocated(By.id("resident")));
            atTablet.until(ExpectedConditions.textToBePresentInElementLocated(By.id("identify-problem"),
                    "这台平板不接读卡器"));
            assertEquals(List.of(), tablet.findElements(By.id("resident")), "the resident's card never reached the tablet");
        } finally {
            for (ChromeDriver b : new ChromeDriver[] {tablet, terminal}) {
                if (b != null) {
                    b.quit();
                }
            }
            app.stop();
        }
    }

    /** This machine's first IPv4 address that is not loopback or link-local, on an interface that is up; or null. */
    private static String nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a.getHostAddress();
                }
            }
        }
        return null;
    }

    @Test
    void lan_mode_without_an_allow_list_refuses_to_start_naming_the_setting_and_lan_off_undoes_it() throws Exception {
        provision("lan", "--data-dir", data.toString(), "--address", "127.0.0.1", "--allow", "192.168.1.0/24");
        String text = Files.readString(files().terminalProperties()).replaceAll("(?m)^web\\.lan\\.allow=.*$", "");
        Files.writeString(files().terminalProperties(), text);

        TerminalSetupException refusal = assertThrows(TerminalSetupException.class,
                () -> Main.assemble(LaunchOptions.parse(new String[] {"run", "--data-dir", data.toString()}, dir),
                        clock), "Main.run turns this into exit 78 (EX_CONFIG)");
        assertTrue(refusal.getMessage().contains("terminal.properties") && refusal.getMessage().contains(
                "web.lan.allow is missing") && refusal.getMessage().contains("192.168.1.0/24"), refusal.getMessage());

        provision("lan", "--data-dir", data.toString(), "--off");
        assertTrue(new EnrolledTerminal(data).setup("127.0.0.1", 0).lan().isEmpty(), "off again: loopback only");
    }

    @Test
    void an_allow_list_of_everyone_or_of_names_and_a_missing_keystore_are_refused() throws Exception {
        appendToTerminalProperties("web.lan=true\nweb.lan.allow=0.0.0.0/0\n");
        assertTrue(refusal().contains("web.lan.allow must list IP addresses or CIDR blocks"), refusal());
        appendToTerminalProperties("web.lan.allow=tablet.local\n");
        assertTrue(refusal().contains("tablet.local"), refusal());
        appendToTerminalProperties("web.lan.allow=192.168.1.0/24\n");
        assertTrue(refusal().contains("lan.p12") && refusal().contains("onetrip-provision lan"), refusal());
    }

    @Test
    void applying_a_new_bundle_keeps_lan_mode_and_its_certificate() throws Exception {
        provision("lan", "--data-dir", data.toString(), "--address", "127.0.0.1", "--allow", "192.168.1.0/24");
        String fingerprint = out.toString().substring(out.toString().indexOf("SHA-256 ") + 8).lines().findFirst()
                .orElseThrow();
        byte[] keystore = Files.readAllBytes(files().lanKeystore());
        apply();
        String properties = Files.readString(files().terminalProperties());
        assertTrue(properties.contains("web.lan=true") && properties.contains("web.lan.allow=192.168.1.0/24"),
                properties);
        assertTrue(java.util.Arrays.equals(keystore, Files.readAllBytes(files().lanKeystore())));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(files().lanKeystorePassword())));
        new EnrolledTerminal(data).setup("127.0.0.1", 8080).lan().orElseThrow();
        provision("status", "--data-dir", data.toString());
        assertTrue(out.toString().contains("allow: 192.168.1.0/24") && out.toString().contains(
                "certificateSha256: " + fingerprint), out.toString());
    }

    /** An HTTPS client that trusts the terminal's certificate and connects from {@code localAddress}. */
    private HttpClient https(String localAddress) throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(files().lanKeystore())) {
            keystore.load(in, Files.readString(files().lanKeystorePassword()).strip().toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("terminal", keystore.getCertificate(keystore.aliases().nextElement()));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).localAddress(InetAddress.getByName(localAddress))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private String refusal() {
        return assertThrows(TerminalSetupException.class, () -> new EnrolledTerminal(data).setup("127.0.0.1", 0))
                .getMessage();
    }

    private TerminalFiles files() {
        return new TerminalFiles(data);
    }

    private void appendToTerminalProperties(String lines) throws IOException {
        Files.writeString(files().terminalProperties(), lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void enroll() throws IOException {
        Path countyPub = Files.writeString(dir.resolve("county.pub.pem"), Sm2.publicKeyPem(county.getPublic()));
        provision("enroll", "--data-dir", data.toString(), "--region", "340121100004", "--site-name", "锦湖社区便民服务站",
                "--site-type", "village-point", "--uplink", "http://127.0.0.1:9/", "--county-key",
                countyPub.toString(), "--terminal-id", TERMINAL);
    }

    /** The county signs a bundle of the terminal's configuration and the demo catalog; the technician applies it. */
    private void apply() throws IOException {
        Path countyKey = Files.writeString(dir.resolve("county.pem"), Sm2.privateKeyPem(county.getPrivate()));
        Path authority = Files.writeString(dir.resolve("authority.pub.pem"),
                Sm2.publicKeyPem(CatalogBundle.demoAuthority()));
        Path catalog = Files.write(dir.resolve("catalog.json"), CatalogBundle.resource("catalog-340121").toEnvelope());
        Path staff = Files.writeString(dir.resolve("staff.json"), "[]");
        Path bundle = dir.resolve("terminal.bundle");
        provision("bundle", "--key", countyKey.toString(), "--config", files().terminalProperties().toString(),
                "--catalog", catalog.toString(), "--catalog-authority", authority.toString(), "--staff",
                staff.toString(), "--output", bundle.toString());
        provision("apply", "--data-dir", data.toString(), bundle.toString());
    }

    private void provision(String... args) {
        out.getBuffer().setLength(0);
        int code = ProvisionCli.commandLine(new PrintWriter(out), new PrintWriter(err), clock).execute(args);
        assertEquals(0, code, String.join(" ", args) + ": " + err);
    }
}
