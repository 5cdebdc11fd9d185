package org.onetrip.store.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.onetrip.store.uplink.RequestSignature;
import org.onetrip.store.uplink.TerminalIdentity;

/**
 * The Intake API's {@code GET /api/v1/catalog?since=<version>}: a bundle envelope newer than the version in use,
 * or 204. Signed like every request of the contract. The bundle it returns is verified by whoever imports it,
 * never here.
 */
public final class UplinkCatalogSource extends ContainerLifeCycle implements CatalogSource {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Supplier<URI> base;
    private final TerminalIdentity identity;
    private final Clock clock;
    private final HttpClient http = new HttpClient();

    public UplinkCatalogSource(Supplier<URI> base, TerminalIdentity identity, Clock clock) {
        this.base = base;
        this.identity = identity;
        this.clock = clock;
        http.setFollowRedirects(false);
        addBean(http);
    }

    @Override
    public Optional<CatalogBundle> newerThan(String version) {
        String path = "/api/v1/catalog" + (version == null ? ""
                : "?since=" + URLEncoder.encode(version, StandardCharsets.UTF_8));
        String date = RequestSignature.httpDate(clock.instant());
        ContentResponse response;
        try {
            response = http.newRequest(base.get().resolve(path))
                    .method("GET")
                    .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(h -> h.put(RequestSignature.TERMINAL_HEADER, identity.terminalId())
                            .put(RequestSignature.DATE_HEADER, date)
                            .put(RequestSignature.SIGNATURE_HEADER,
                                    RequestSignature.sign(identity.privateKey(), "GET", path, date, new byte[0])))
                    .send();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException("catalog uplink[" + base.get() + "]: interrupted", e);
        } catch (TimeoutException | ExecutionException e) {
            throw new CatalogException("catalog uplink[" + base.get() + "]: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        return switch (response.getStatus()) {
            case 204 -> Optional.empty();
            case 200 -> Optional.of(CatalogBundle.fromEnvelope(response.getContent()));
            default -> throw new CatalogException("catalog uplink[" + base.get() + "]: HTTP " + response.getStatus());
        };
    }

    @Override
    public String toString() {
        return "catalog-uplink@" + getState();
    }
}
