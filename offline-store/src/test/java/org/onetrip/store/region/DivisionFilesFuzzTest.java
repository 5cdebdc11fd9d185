package org.onetrip.store.region;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer on a division CSV as a technician copies it onto a terminal ({@link DivisionFiles#parse}). The property:
 * the divisions, or a {@link RegionException} naming the line (an {@link IOException} only from the reader);
 * nothing else. Kept inputs (heads of the shipped files): {@code DivisionFilesFuzzTestInputs/}.
 */
class DivisionFilesFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void a_division_csv_is_divisions_or_a_region_exception(byte[] csv) throws IOException {
        try {
            for (Division d : DivisionFiles.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)), "fuzz.csv")) {
                assertNotNull(d.code());
                assertNotNull(d.name());
            }
        } catch (RegionException expected) {
            assertNotNull(expected.getMessage());
        }
    }
}
