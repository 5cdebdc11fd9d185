package org.onetrip.store.catalog;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.onetrip.store.uplink.Sm2;

/** A throwaway issuing authority for tests, and small catalog documents it signs. */
final class TestAuthority {
    final KeyPair keys = Sm2.generateKeyPair();

    CatalogBundle sign(String document) {
        return CatalogBundle.sign(document.getBytes(StandardCharsets.UTF_8), keys.getPrivate());
    }

    /** A catalog document: {@code items} as "taskCode:version" at 长丰县. */
    static String document(String version, String issuedAt, String... items) {
        return """
                {"version": "%s", "issuer": "测试", "issuedAt": "%s", "items": [%s]}""".formatted(version, issuedAt,
                Stream.of(items).map(TestAuthority::item).collect(Collectors.joining(",")));
    }

    private static String item(String spec) {
        String[] p = spec.split(":");
        return """
                {"taskCode": "%s", "catalogCode": "000205002000", "name": "事项%s", "regionCode": "340121000000",
                 "version": %s, "visits": 0, "materials": [{"name": "居民身份证", "waiver": "SHARED_DATA"}],
                 "fields": [{"key": "phone", "label": "联系电话", "input": "digits"}]}""".formatted(p[0], p[0], p[1]);
    }
}
