package org.onetrip.kiosk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.agency.StaffRole;
import org.onetrip.kiosk.agency.StaffUis;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The security headers against the real kiosk in a real Chromium: a resident's journey still works under the CSP
 * (push, executeJs, the receipt picture) with no CSP refusal in the console; the page, a UIDL response, a static
 * file, the receipt PNG and a staff CSV export, fetched with the browser's session by a plain HTTP client, all carry
 * the headers (no-store where resident data is); a page that frames the kiosk gets nothing (an unprotected control
 * page in the same frame set shows the check would see a framed page).
 */
class WebSecurityBrowserTest extends DemoKioskBrowserTest {
    private static final String PENSION = "113401210034512345205002001";

    private Server control;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> console = new ArrayList<>();

    @Override
    protected KioskApplication.DemoSettings settings(Path data) {
        return new KioskApplication.DemoSettings("127.0.0.1", 0, data,
                StatusSchedule.demo(), Duration.ofMinutes(10));
    }

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(30);
    }

    @AfterEach
    void stopTheControlPage() throws Exception {
        if (control != null) {
            control.stop();
        }
    }

    @Test
    void the_journey_runs_under_the_headers_and_every_kind_of_response_carries_them() throws Exception {
        browser.get(app.uri().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tile-apply")));
        Browser.saveScreenshot(browser, "web-security-home");
        click(By.id("tile-apply"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".demo-card"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resident"))); // the card read came by push
        click(By.cssSelector(".item[data-task='" + PENSION + "']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#field-phone input")))
                .sendKeys("13905510001");
        click(By.id("to-review"));
        click(By.id("submit"));
        var receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-image")));
        wait.until(d -> ((Number) browser.executeScript("return arguments[0].naturalWidth", receipt)).intValue() > 0);
        Browser.saveScreenshot(browser, "web-security-receipt");

        String session = "JSESSIONID=" + cookie().getValue();
        assertTrue(cookie().isHttpOnly(), "scripts cannot read the session cookie");
        assertEquals("Strict", cookie().getSameSite());

        HttpResponse<byte[]> png = get(URI.create(receipt.getDomProperty("src")), session);
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertProtected("receipt PNG", png, true);

        assertProtected("page", get(app.uri(), session), true);
        String bundle = (String) browser.executeScript(
                "return [...document.querySelectorAll('script[src]')].map(s => s.src).find(s => s.includes('/VAADIN/'))");
        HttpResponse<byte[]> script = get(URI.create(bundle), session);
        assertEquals(200, script.statusCode(), bundle);
        assertProtected("static " + bundle, script, false);

        URI uidl = app.uri().resolve("/?v-r=uidl&v-uiId=0");
        String body = "{\"csrfToken\":\"not-the-token\",\"rpc\":[],\"syncId\":0,\"clientId\":0}";
        HttpResponse<byte[]> ownOrigin = post(uidl, session, origin(), body);
        assertNotEquals(403, ownOrigin.statusCode(), "the page's own origin reaches Vaadin");
        assertProtected("UIDL", ownOrigin, true);
        assertEquals(403, post(uidl, session, "http://evil.example", body).statusCode());

        StaffUis.signInLatest("S-0042", "张代办", StaffRole.SUPERVISOR, Duration.ofSeconds(10));
        browser.get(app.uri().resolve("agency/stats").toString());
        var csvLink = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("stats-csv")));
        HttpResponse<byte[]> csv = get(URI.create(csvLink.getDomProperty("href")), session);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
                csv.headers().map().toString());
        assertProtected("CSV export", csv, true);

        readConsole();
        assertTrue(console.stream().noneMatch(line -> line.contains("Content Security Policy")
                || line.contains("Permissions-Policy")), "no CSP refusal, no policy error on the journey: " + console);
        assertTrue(console.stream().anyMatch(line -> line.contains("Websocket successfully opened")),
                "push runs over its WebSocket under connect-src 'self': " + console);
    }

    @Test
    void a_page_that_frames_the_kiosk_gets_nothing() throws Exception {
        // Another origin (a second loopback server) frames the kiosk and, as the control, a page of its own.
        control = framingServer(app.uri());
        browser.get(control.getURI().resolve("/framing").toString());

        browser.switchTo().frame("control");
        assertEquals("framed", wait.until(ExpectedConditions.presenceOfElementLocated(By.id("framed"))).getText(),
                "a page without the headers does show in a frame");
        browser.switchTo().defaultContent();
        browser.switchTo().frame("kiosk");
        wait.until(d -> String.valueOf(browser.executeScript("return location.href")).startsWith("chrome-error:"));
        assertTrue(browser.findElements(By.id("tile-apply")).isEmpty());
        browser.switchTo().defaultContent();
        Browser.saveScreenshot(browser, "web-security-framed");
        readConsole();
        assertTrue(console.stream().anyMatch(line -> line.contains("frame-ancestors")), console.toString());
    }

    private void assertProtected(String what, HttpResponse<?> r, boolean noStore) {
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), what);
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                what);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), what);
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), what);
        assertTrue(r.headers().firstValue("Permissions-Policy").orElse("").contains("camera=(self)"), what);
        String cache = String.join(",", r.headers().allValues("Cache-Control"));
        assertEquals(noStore, cache.equals("no-store"), what + ": Cache-Control " + cache);
    }

    private Cookie cookie() {
        Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
        assertTrue(cookie != null, "the browser has a session");
        return cookie;
    }

    private String origin() {
        return "http://" + app.uri().getAuthority();
    }

    private HttpResponse<byte[]> get(URI uri, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(URI uri, String session, String origin, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Cookie", session).header("Origin", origin)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void readConsole() {
        for (LogEntry entry : browser.manage().logs().get("browser")) {
            console.add(entry.getMessage());
        }
    }

    /**
     * A server of another origin with no security headers: {@code /framing} frames the kiosk and this server's own
     * page ({@code /}, which says "framed").
     */
    private static Server framingServer(URI kiosk) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String page = Request.getPathInContext(request).equals("/framing")
                        ? "<iframe name='kiosk' src='" + kiosk + "'></iframe><iframe name='control' src='/'></iframe>"
                        : "<p id='framed'>framed</p>";
                response.getHeaders().put("Content-Type", "text/html; charset=utf-8");
                response.write(true, ByteBuffer.wrap(page.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
        return server;
    }

}
