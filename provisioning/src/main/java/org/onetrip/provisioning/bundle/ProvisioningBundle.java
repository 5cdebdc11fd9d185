package org.onetrip.provisioning.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.onetrip.provisioning.config.CountyTerminals;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.uplink.Sm2;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provisioning bundle: what the county administrator sends a terminal (its configuration, the signed catalog,
 * the staff roster, the keys to trust and the county terminals' public keys), as a JSON envelope {@code {format, payload, signature}} whose payload
 * is signed (SM2 with SM3) by the county administrator's key. {@link #verify} checks the signature before the
 * payload is even parsed.
 */
public final class ProvisioningBundle {
    public static final String ENVELOPE_FORMAT = "onetrip-provisioning-bundle/1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] payload;
    private final byte[] signature;

    public ProvisioningBundle(byte[] payload, byte[] signature) {
        this.payload = payload.clone();
        this.signature = signature.clone();
    }

    /**
     * What a bundle carries, once verified.
     *
     * @param countyTerminals the county terminals' public keys (PEM) by terminal id, for the USB courier; empty
     *                        when the bundle does not change the installed list
     */
    public record Contents(String bundleId, String terminalId, Instant issuedAt, Instant expiresAt,
                           TerminalConfig config, byte[] catalogEnvelope, String staffJson,
                           Map<String, String> trustedKeys, Map<String, String> countyTerminals) {
        public Contents {
            countyTerminals = Map.copyOf(countyTerminals);
        }

        /** Contents that leave the county terminals' list as installed. */
        public Contents(String bundleId, String terminalId, Instant issuedAt, Instant expiresAt, TerminalConfig config,
                        byte[] catalogEnvelope, String staffJson, Map<String, String> trustedKeys) {
            this(bundleId, terminalId, issuedAt, expiresAt, config, catalogEnvelope, staffJson, trustedKeys, Map.of());
        }
    }

    /** Signs {@code contents} with the county administrator's private key. */
    public static ProvisioningBundle sign(Contents c, PrivateKey county) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "onetrip-provisioning/1");
        root.put("bundleId", c.bundleId());
        root.put("terminalId", c.terminalId());
        root.put("issuedAt", c.issuedAt().toString());
        root.put("expiresAt", c.expiresAt().toString());
        ObjectNode config = root.putObject("config");
        Properties p = TerminalFiles.toProperties(c.config());
        p.stringPropertyNames().stream().sorted().forEach(k -> config.put(k, p.getProperty(k)));
        root.put("catalog", Base64.getEncoder().encodeToString(c.catalogEnvelope()));
        root.set("staff", JSON.readTree(c.staffJson()));
        ObjectNode keys = root.putObject("trustedKeys");
        c.trustedKeys().forEach(keys::put);
        ObjectNode terminals = root.putObject("countyTerminals");
        new java.util.TreeMap<>(c.countyTerminals()).forEach(terminals::put);
        byte[] payload = JSON.writeValueAsBytes(root);
        return new ProvisioningBundle(payload, Sm2.sign(county, payload));
    }

    public byte[] toEnvelope() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", ENVELOPE_FORMAT);
        root.put("payload", Base64.getEncoder().encodeToString(payload));
        root.put("signature", Base64.getEncoder().encodeToString(signature));
        return JSON.writeValueAsBytes(root);
    }

    public static ProvisioningBundle read(Path file) {
        try {
            return fromEnvelope(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new BundleException("bundle " + file + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * The bundle in an envelope's bytes; {@code where} (the file) is for messages only.
     *
     * @throws BundleException when the bytes are not a provisioning bundle's envelope
     */
    public static ProvisioningBundle fromEnvelope(byte[] bytes, String where) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (!ENVELOPE_FORMAT.equals(root.path("format").asString(""))) {
                throw new BundleException("bundle " + where + " is not a provisioning bundle (format "
                        + root.path("format").asString("missing") + ", expected " + ENVELOPE_FORMAT + ")");
            }
            return new ProvisioningBundle(Base64.getDecoder().decode(root.path("payload").asString("")),
                    Base64.getDecoder().decode(root.path("signature").asString("")));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new BundleException("bundle " + where + " is damaged (not a readable envelope): ask the county for"
                    + " a new one");
        }
    }

    public String sm3Hex() {
        return Sm2.sm3Hex(payload);
    }

    /**
     * Verifies the signature with the county key, then parses and checks the payload: made for this terminal,
     * issued, not expired, configuration valid, every trusted key readable.
     */
    public Contents verify(PublicKey county, String terminalId, Instant now) {
        if (!Sm2.verify(county, payload, signature)) {
            throw new BundleException("bundle signature does not verify with the county administrator's key:"
                    + " the bundle was altered or signed by someone else; nothing was changed");
        }
        return parse(payload, terminalId, now);
    }

    /** The checks of {@link #verify} after the signature: apart so that they are tested (and fuzzed) on bytes. */
    static Contents parse(byte[] payload, String terminalId, Instant now) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new BundleException("bundle payload is not JSON although signed: ask the county to re-issue it");
        }
        if (!"onetrip-provisioning/1".equals(root.path("format").asString(""))) {
            throw new BundleException("bundle payload format " + root.path("format").asString("missing")
                    + " is not one this version reads: update the terminal software");
        }
        String forTerminal = root.path("terminalId").asString("");
        if (!forTerminal.equals(terminalId)) {
            throw new BundleException("bundle is for terminal " + forTerminal + ", this is " + terminalId
                    + ": ask the county for this terminal's bundle");
        }
        Instant issued = instant(root, "issuedAt");
        Instant expires = instant(root, "expiresAt");
        if (now.isAfter(expires)) {
            throw new BundleException("bundle expired at " + expires + ": ask the county for a new one");
        }
        if (issued.isAfter(now.plusSeconds(600))) {
            throw new BundleException("bundle is issued at " + issued + ", in the future: check the terminal's clock");
        }
        Properties p = new Properties();
        root.path("config").properties().forEach(e -> p.setProperty(e.getKey(), scalar(e.getValue(), e.getKey())));
        TerminalConfig config = TerminalFiles.fromProperties(p).validate();
        if (!config.terminalId().equals(terminalId)) {
            throw new BundleException("bundle configuration names terminal " + config.terminalId() + ", not "
                    + terminalId);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        root.path("trustedKeys").properties().forEach(e -> {
            String pem = scalar(e.getValue(), "trustedKeys." + e.getKey());
            Sm2.parsePublicKey(pem);
            if (!e.getKey().matches("[a-z0-9-]{1,40}")) {
                throw new BundleException("bundle trusted key name '" + e.getKey() + "' is not a plain name");
            }
            keys.put(e.getKey(), pem);
        });
        Map<String, String> terminals = new LinkedHashMap<>();
        root.path("countyTerminals").properties().forEach(e -> {
            if (!CountyTerminals.validId(e.getKey())) {
                throw new BundleException("bundle county terminal id '" + e.getKey() + "' is not a plain name");
            }
            if (!e.getValue().isString()) {
                throw new BundleException("bundle county terminal " + e.getKey() + ": the key is not a PEM text");
            }
            String pem = e.getValue().asString();
            Sm2.parsePublicKey(pem);
            terminals.put(e.getKey(), pem);
        });
        byte[] catalog;
        try {
            catalog = Base64.getDecoder().decode(root.path("catalog").asString(""));
        } catch (IllegalArgumentException e) {
            // found by ProvisioningBundleFuzzTest: escaped as an unchecked IllegalArgumentException
            throw new BundleException("bundle catalog is not base64 although signed: ask the county to re-issue it");
        }
        String staff = JSON.writeValueAsString(root.path("staff"));
        return new Contents(root.path("bundleId").asString(""), forTerminal, issued, expires, config, catalog,
                staff, keys, terminals);
    }

    /** A setting's text; an object or an array is refused (Jackson would throw an unchecked exception). */
    private static String scalar(JsonNode value, String setting) {
        if (value.isContainer()) {
            // found by ProvisioningBundleFuzzTest: JsonNodeException escaped from asString()
            throw new BundleException("bundle setting " + setting + " is not a single value although signed: ask the"
                    + " county to re-issue it");
        }
        return value.asString();
    }

    private static Instant instant(JsonNode root, String field) {
        try {
            return Instant.parse(root.path(field).asString(""));
        } catch (DateTimeException | JacksonException e) {
            throw new BundleException("bundle " + field + " is not an ISO-8601 instant although signed: ask the"
                    + " county to re-issue it");
        }
    }

    /** The public key PEM of {@code file}, for {@code trustedKeys}. */
    public static String pem(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    static List<String> keyNames(Contents c) {
        return List.copyOf(c.trustedKeys().keySet());
    }
}
