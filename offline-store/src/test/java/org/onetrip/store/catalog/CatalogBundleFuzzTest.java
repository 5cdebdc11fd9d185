package org.onetrip.store.catalog;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Jazzer on a catalog bundle as downloaded or copied from a USB stick: the envelope
 * ({@link CatalogBundle#fromEnvelope}) and the catalog document behind the signature ({@link Catalog#read}, what an
 * authority's faulty tool could sign). The property: a bundle or a {@link CatalogException}; a catalog or an
 * {@link IOException}; nothing else. Kept inputs: {@code CatalogBundleFuzzTestInputs/}.
 */
class CatalogBundleFuzzTest {

    @DictionaryEntries({"\"format\"", "\"payload\"", "\"signature\"", "onetrip-catalog-bundle/1", "\"items\"", "\"taskCode\"", "\"version\"", "\"issuedAt\"", "\"materials\"", "\"fields\"", "\"visits\"", "\"regionCode\"", "null", "[]", "{}"})
    @FuzzTest(maxDuration = "10s")
    void bundle_bytes_are_a_catalog_or_a_typed_refusal(byte[] bytes) {
        try {
            assertNotNull(CatalogBundle.fromEnvelope(bytes).sm3Hex());
        } catch (CatalogException expected) {
            assertNotNull(expected.getMessage());
        }
        try {
            Catalog catalog = Catalog.read(new ByteArrayInputStream(bytes));
            assertNotNull(catalog.version());
        } catch (IOException expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
