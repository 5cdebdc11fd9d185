package org.onetrip.store.token;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * The CBOR of a token (domain-spec §6), all definite lengths:
 * <pre>
 * token     = [protected: bstr, payload: bstr, signature: bstr(64)]
 * protected = bstr of {1: "SM2-SM3", 4: kid bstr(4)}            (COSE's alg and kid labels)
 * payload   = bstr of {1: version, 2: type, 3: uuid bstr(16), 4?: 办件编号, 5: 实施编码,
 *                      6: area code, 7: terminal id, 8: issued-at epoch s, 9: status,
 *                      10: digest bstr(16), 11: masked applicant}
 * signed    = ["ZW1", protected, payload]                        (the bytes SM3withSM2 signs)
 * </pre>
 * Decoding is strict: wrong types, missing keys, duplicate keys or trailing bytes are
 * {@link TokenException.Reason#MALFORMED}; unknown payload keys are ignored (later versions).
 */
final class TokenCodec {
    static final String ALG = "SM2-SM3";
    static final String CONTEXT = "ZW1";
    private static final CBORMapper CBOR = CBORMapper.builder().build();

    private TokenCodec() {
    }

    /** The three parts of a token, undecoded. */
    record Parts(byte[] protectedHeader, byte[] payload, byte[] signature) {
    }

    static byte[] protectedHeader(KeyId kid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        try (JsonGenerator g = CBOR.createGenerator(out)) {
            g.writeStartObject(null, 2);
            g.writePropertyId(1);
            g.writeString(ALG);
            g.writePropertyId(4);
            g.writeBinary(kid.bytes());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    static byte[] payload(ReceiptToken t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        try (JsonGenerator g = CBOR.createGenerator(out)) {
            g.writeStartObject(null, t.projectNo().isPresent() ? 11 : 10);
            g.writePropertyId(1);
            g.writeNumber(t.version());
            g.writePropertyId(2);
            g.writeNumber(t.type().code());
            g.writePropertyId(3);
            g.writeBinary(uuid(t.submissionId()));
            if (t.projectNo().isPresent()) {
                g.writePropertyId(4);
                g.writeString(t.projectNo().get());
            }
            g.writePropertyId(5);
            g.writeString(t.taskCode());
            g.writePropertyId(6);
            g.writeString(t.areaCode());
            g.writePropertyId(7);
            g.writeString(t.terminalId());
            g.writePropertyId(8);
            g.writeNumber(t.issuedAt().getEpochSecond());
            g.writePropertyId(9);
            g.writeString(t.status());
            g.writePropertyId(10);
            g.writeBinary(t.recordDigest());
            g.writePropertyId(11);
            g.writeString(t.applicantMask());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    static byte[] signedBytes(byte[] protectedHeader, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(protectedHeader.length + payload.length + 8);
        try (JsonGenerator g = CBOR.createGenerator(out)) {
            g.writeStartArray(null, 3);
            g.writeString(CONTEXT);
            g.writeBinary(protectedHeader);
            g.writeBinary(payload);
            g.writeEndArray();
        }
        return out.toByteArray();
    }

    static byte[] token(byte[] protectedHeader, byte[] payload, byte[] rawSignature) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(protectedHeader.length + payload.length + 80);
        try (JsonGenerator g = CBOR.createGenerator(out)) {
            g.writeStartArray(null, 3);
            g.writeBinary(protectedHeader);
            g.writeBinary(payload);
            g.writeBinary(rawSignature);
            g.writeEndArray();
        }
        return out.toByteArray();
    }

    static Parts parts(byte[] token) {
        return read(token, p -> {
            expect(p, JsonToken.START_ARRAY);
            Parts parts = new Parts(binary(p), binary(p), binary(p));
            expect(p, JsonToken.END_ARRAY);
            return parts;
        });
    }

    /** The kid of a protected header whose alg is {@value #ALG}. */
    static KeyId kid(byte[] protectedHeader) {
        Map<Integer, Object> header = map(protectedHeader);
        if (!ALG.equals(header.get(1))) {
            throw malformed("unknown algorithm");
        }
        if (!(header.get(4) instanceof byte[] kid) || kid.length != KeyId.LENGTH) {
            throw malformed("no 4-byte kid");
        }
        return new KeyId(kid);
    }

    static ReceiptToken readPayload(byte[] payload) {
        Map<Integer, Object> m = map(payload);
        try {
            long version = number(m, 1);
            if (version != ReceiptToken.VERSION) {
                throw malformed("payload version " + version + " is not known");
            }
            ReceiptToken.Type type = ReceiptToken.Type.of(number(m, 2))
                    .orElseThrow(() -> malformed("unknown token type"));
            Optional<String> projectNo = m.containsKey(4) ? Optional.of(text(m, 4)) : Optional.empty();
            return new ReceiptToken((int) version, type, uuid(bytes(m, 3)), projectNo, text(m, 5), text(m, 6),
                    text(m, 7), Instant.ofEpochSecond(number(m, 8)), text(m, 9), bytes(m, 10), text(m, 11));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new TokenException(TokenException.Reason.MALFORMED, "payload fields are not valid", e);
        }
    }

    /** A CBOR map with small integer keys to Long, String or byte[] values. */
    private static Map<Integer, Object> map(byte[] cbor) {
        return read(cbor, p -> {
            expect(p, JsonToken.START_OBJECT);
            Map<Integer, Object> values = new HashMap<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.PROPERTY_NAME) {
                    throw malformed("map key expected");
                }
                int key = key(p.currentName());
                Object value = switch (p.nextToken()) {
                    case VALUE_NUMBER_INT -> p.getLongValue();
                    case VALUE_STRING -> p.getString();
                    case VALUE_EMBEDDED_OBJECT -> embeddedBytes(p);
                    case null, default -> throw malformed("value of key " + key + " has an unexpected type");
                };
                if (values.put(key, value) != null) {
                    throw malformed("key " + key + " appears twice");
                }
            }
            return values;
        });
    }

    private interface Reader<T> {
        T read(JsonParser parser);
    }

    private static <T> T read(byte[] cbor, Reader<T> reader) {
        try (JsonParser p = CBOR.createParser(cbor)) {
            T value = reader.read(p);
            if (p.nextToken() != null) {
                throw malformed("trailing bytes");
            }
            return value;
        } catch (JacksonException e) {
            throw new TokenException(TokenException.Reason.MALFORMED, "not valid CBOR", e);
        }
    }

    private static void expect(JsonParser p, JsonToken expected) {
        if (p.nextToken() != expected) {
            throw malformed(expected + " expected");
        }
    }

    private static byte[] binary(JsonParser p) {
        expect(p, JsonToken.VALUE_EMBEDDED_OBJECT);
        return embeddedBytes(p);
    }

    /** A byte string; CBOR's other embedded values (simple values such as 0xE2) have no bytes and are refused. */
    private static byte[] embeddedBytes(JsonParser p) {
        if (!(p.getEmbeddedObject() instanceof byte[] bytes)) {
            throw malformed("byte string expected");
        }
        return bytes;
    }

    private static int key(String name) {
        try {
            int key = Integer.parseInt(name);
            if (key < 0 || key > 255) {
                throw malformed("map key out of range");
            }
            return key;
        } catch (NumberFormatException e) {
            throw malformed("map key is not an integer");
        }
    }

    private static long number(Map<Integer, Object> m, int key) {
        return (Long) required(m, key);
    }

    private static String text(Map<Integer, Object> m, int key) {
        return (String) required(m, key);
    }

    private static byte[] bytes(Map<Integer, Object> m, int key) {
        return (byte[]) required(m, key);
    }

    private static Object required(Map<Integer, Object> m, int key) {
        Object value = m.get(key);
        if (value == null) {
            throw malformed("payload key " + key + " is missing");
        }
        return value;
    }

    private static byte[] uuid(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    private static UUID uuid(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a UUID has 16 bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }

    private static TokenException malformed(String what) {
        return new TokenException(TokenException.Reason.MALFORMED, what);
    }

}
