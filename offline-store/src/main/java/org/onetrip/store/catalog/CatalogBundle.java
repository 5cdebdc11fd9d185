package org.onetrip.store.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.onetrip.store.uplink.Sm2;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A versioned catalog as the issuing authority publishes it: the exact bytes of a catalog document and the
 * authority's SM2 signature (SM3withSM2) over them. Nothing of a bundle is believed before {@link #verify}.
 *
 * <p>Two wire forms: a file pair {@code catalog-X.json} + {@code catalog-X.json.sig} (base64 signature; the
 * document stays readable and diffable), and a single JSON envelope {@code {"format", "signature", "payload"}}
 * with both base64, as the uplink's catalog endpoint serves it.
 */
public final class CatalogBundle {
    public static final String ENVELOPE_FORMAT = "onetrip-catalog-bundle/1";
    private static final String RESOURCES = "/org/onetrip/store/catalog/bundles/";

    private final byte[] payload;
    private final byte[] signature;
    /** The last successful {@link #verify}: a bundle is immutable, so its catalog is parsed once per key. */
    private Verified verified; // guarded by this

    private record Verified(PublicKey authority, Catalog catalog) {
    }

    public CatalogBundle(byte[] payload, byte[] signature) {
        this.payload = payload.clone();
        this.signature = signature.clone();
    }

    /** Signs a catalog document: what the issuing authority's tool does. */
    public static CatalogBundle sign(byte[] payload, PrivateKey authority) {
        return new CatalogBundle(payload, Sm2.sign(authority, payload));
    }

    /** The bundle's catalog, once its signature is checked against the trusted authority's key. */
    public synchronized Catalog verify(PublicKey trustedAuthority) {
        Verified last = verified;
        // synchronized: a start verifies the shipped bundle on a warm-up thread while the main thread goes on,
        // and whoever comes second waits for that parse instead of doing it again
        if (last != null && last.authority().equals(trustedAuthority)) {
            return last.catalog();
        }
        Catalog catalog = verifyAndRead(trustedAuthority);
        verified = new Verified(trustedAuthority, catalog);
        return catalog;
    }

    /** Whether {@code other} holds the same document and the same signature. */
    public boolean sameAs(CatalogBundle other) {
        return Arrays.equals(payload, other.payload) && Arrays.equals(signature, other.signature);
    }

    /** Checks only the signature (a start's check of the provisioned bundle); {@link #verify} also parses. */
    public void checkSignature(PublicKey trustedAuthority) {
        if (!Sm2.verify(trustedAuthority, payload, signature)) {
            throw new CatalogException("catalog bundle " + sm3Hex().substring(0, 12)
                    + ": the signature does not match the trusted issuing authority's key; nothing was imported");
        }
    }

    private Catalog verifyAndRead(PublicKey trustedAuthority) {
        checkSignature(trustedAuthority);
        try (InputStream in = new ByteArrayInputStream(payload)) {
            return Catalog.read(in);
        } catch (IOException e) {
            throw new CatalogException("catalog bundle is signed but malformed: " + e.getMessage(), e);
        }
    }

    public byte[] payload() {
        return payload.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    public String sm3Hex() {
        return Sm2.sm3Hex(payload);
    }

    /** The single-document form the uplink serves. */
    public byte[] toEnvelope() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("format", ENVELOPE_FORMAT);
        env.put("signature", Base64.getEncoder().encodeToString(signature));
        env.put("payload", Base64.getEncoder().encodeToString(payload));
        return Catalog.json().writeValueAsBytes(env);
    }

    public static CatalogBundle fromEnvelope(byte[] envelope) {
        try {
            JsonNode node = Catalog.json().readTree(envelope);
            if (!ENVELOPE_FORMAT.equals(node.path("format").asString(""))) {
                throw new CatalogException("catalog bundle: format is not " + ENVELOPE_FORMAT);
            }
            return new CatalogBundle(Base64.getDecoder().decode(node.path("payload").asString("")),
                    Base64.getDecoder().decode(node.path("signature").asString("")));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new CatalogException("catalog bundle: not a bundle envelope: " + e.getMessage(), e);
        }
    }

    /** Reads either form from a file: an envelope, or a catalog document with its {@code .sig} beside it. */
    public static CatalogBundle read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Path sig = file.resolveSibling(file.getFileName() + ".sig");
            if (Files.exists(sig)) {
                return new CatalogBundle(bytes, decodeSignature(Files.readString(sig), sig.toString()));
            }
            return fromEnvelope(bytes);
        } catch (IOException e) {
            throw new CatalogException("catalog bundle " + file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** A bundle shipped in this jar, by name ({@code catalog-340121}). */
    public static CatalogBundle resource(String name) {
        return SHIPPED.computeIfAbsent(name, CatalogBundle::readResource);
    }

    /** Bundles read from the jar, one instance each, so that each is verified and parsed once per process. */
    private static final Map<String, CatalogBundle> SHIPPED = new ConcurrentHashMap<>();

    private static CatalogBundle readResource(String name) {
        try (InputStream doc = CatalogBundle.class.getResourceAsStream(RESOURCES + name + ".json");
             InputStream sig = CatalogBundle.class.getResourceAsStream(RESOURCES + name + ".json.sig")) {
            if (doc == null || sig == null) {
                throw new CatalogException("catalog bundle " + name + " is not in the jar");
            }
            return new CatalogBundle(doc.readAllBytes(),
                    decodeSignature(new String(sig.readAllBytes(), StandardCharsets.US_ASCII), name + ".json.sig"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The county bundle shipped for the county of {@code region}, if there is one. */
    public static boolean hasResource(String name) {
        return CatalogBundle.class.getResource(RESOURCES + name + ".json") != null;
    }

    /**
     * The public key of the demo issuing authority, which demo mode trusts. Its private half is in
     * {@code tools/demo-authority/} and signs only the demo bundles.
     */
    public static PublicKey demoAuthority() {
        return DemoAuthority.KEY;
    }

    private static final class DemoAuthority {
        static final PublicKey KEY = readDemoAuthority();
    }

    private static PublicKey readDemoAuthority() {
        try (InputStream in = CatalogBundle.class.getResourceAsStream(RESOURCES + "demo-authority.pub.pem")) {
            if (in == null) {
                throw new CatalogException("the demo authority's public key is not in the jar");
            }
            return Sm2.parsePublicKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] decodeSignature(String text, String where) {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CatalogException("catalog bundle signature " + where + " is not base64", e);
        }
    }
}
