package org.onetrip.store.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The item flag that makes agency filing print an authorisation slip for the resident's signature. */
class AuthorisationSlipFlagTest {
    private static ServiceItem parse(String extra) throws Exception {
        return Catalog.parseItem(JsonMapper.builder().build().readTree("""
                {"taskCode": "T1", "catalogCode": "000000000001", "name": "最低生活保障申请",
                 "regionCode": "340121100004" %s}""".formatted(extra)));
    }

    @Test
    void the_catalog_flag_decides_when_it_is_given() throws Exception {
        assertTrue(parse(", \"itemType\": \"20\", \"authorisationSlip\": true").authorisationSlip());
        assertFalse(parse(", \"itemType\": \"05\", \"authorisationSlip\": false").authorisationSlip());
    }

    @Test
    void without_the_flag_administrative_powers_need_a_slip_and_public_services_do_not() throws Exception {
        assertTrue(parse(", \"itemType\": \"05\"").authorisationSlip(), "行政给付");
        assertTrue(parse(", \"itemType\": \"01\"").authorisationSlip(), "行政许可");
        assertFalse(parse(", \"itemType\": \"20\"").authorisationSlip(), "公共服务");
        assertFalse(parse("").authorisationSlip(), "no type is 公共服务");
    }
}
