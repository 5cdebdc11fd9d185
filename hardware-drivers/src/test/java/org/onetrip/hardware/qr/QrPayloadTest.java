package org.onetrip.hardware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class QrPayloadTest {
    @Test
    void a_receipt_token_is_told_by_its_prefix() {
        QrPayload p = QrPayload.classify("ZW1:NCFOXN%TS3DH0YOJ1");
        assertInstanceOf(QrPayload.ReceiptToken.class, p);
        assertEquals("ZW1:NCFOXN%TS3DH0YOJ1", p.text());
    }

    @Test
    void the_skeletons_receipt_reference_carries_the_submission_id() {
        UUID id = UUID.randomUUID();
        QrPayload p = QrPayload.classify("ONETRIP:STATUS:" + id + "\r");
        assertEquals(id, assertInstanceOf(QrPayload.ReceiptReference.class, p).submissionId());
    }

    @Test
    void a_reference_without_a_valid_id_is_just_text() {
        assertInstanceOf(QrPayload.Text.class, QrPayload.classify("ONETRIP:STATUS:not-a-uuid"));
    }

    @Test
    void a_provisioning_payload_keeps_its_body() {
        QrPayload.Provisioning p = assertInstanceOf(QrPayload.Provisioning.class, QrPayload.classify("OTP1:abc.def"));
        assertEquals("abc.def", p.body());
    }

    @Test
    void a_technician_qr_as_onetrip_provision_qr_makes_it_is_a_provisioning_payload() {
        QrPayload.Provisioning p = assertInstanceOf(QrPayload.Provisioning.class,
                QrPayload.classify("OTP1.eyJwIjoidGVjaG5pY2lhbiJ9.c2ln\r"));
        assertEquals("OTP1.eyJwIjoidGVjaG5pY2lhbiJ9.c2ln", p.text(), "the whole text, to verify its signature");
        assertEquals("eyJwIjoidGVjaG5pY2lhbiJ9.c2ln", p.body());
    }

    @Test
    void a_scanner_that_changes_case_does_not_change_the_kind() {
        assertInstanceOf(QrPayload.ReceiptToken.class, QrPayload.classify("zw1:abc"));
        assertInstanceOf(QrPayload.Url.class, QrPayload.classify("HTTPS://ZWFW.AH.GOV.CN/X"));
    }

    @Test
    void web_addresses_and_other_text() {
        QrPayload.Url url = assertInstanceOf(QrPayload.Url.class,
                QrPayload.classify("https://www.ahzwfw.gov.cn/bog-bsdt/static/progress.html?no=3401"));
        assertEquals("www.ahzwfw.gov.cn", url.uri().getHost());
        assertInstanceOf(QrPayload.Text.class, QrPayload.classify("http://"));
        assertInstanceOf(QrPayload.Text.class, QrPayload.classify("6901234567892"));
        assertInstanceOf(QrPayload.Text.class, QrPayload.classify("ZW1:"));
        assertInstanceOf(QrPayload.Text.class, QrPayload.classify(null));
    }

    @Test
    void no_payload_prints_its_content() {
        QrPayload p = QrPayload.classify("王秀兰 340121194803120022");
        assertFalse(p.toString().contains("王秀兰") || p.toString().contains("340121"), p.toString());
        assertFalse(QrPayload.classify("https://x.gov.cn/?id=340121194803120022").toString().contains("340121"));
    }

    @Test
    void c1_control_characters_are_dropped_like_the_scanners_cr_and_tab() {
        // found by QrScanFuzzTest (kept as crash-0945f5dc…): U+0087 survived and reached the screen
        assertEquals(new QrPayload.ReceiptToken("ZW1:ABCDEF"), QrPayload.classify("\u0085ZW1:ABC\u0087DEF\r"));
        assertEquals(new QrPayload.Text("长丰县"), QrPayload.classify("\u0001 长丰县\u009F"));
    }
}
