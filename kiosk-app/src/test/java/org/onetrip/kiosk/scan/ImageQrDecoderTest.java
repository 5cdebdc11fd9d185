package org.onetrip.kiosk.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onetrip.hardware.qr.QrPayload;

class ImageQrDecoderTest {
    private final ImageQrDecoder decoder = new ImageQrDecoder();

    @Test
    void a_phone_photo_of_a_receipt_code_decodes_even_large_and_rotated() {
        String reference = "ONETRIP:STATUS:" + UUID.randomUUID();
        byte[] jpeg = Pictures.encode(Pictures.photo(reference, 4000, 3000, 17, 1), "jpg");
        assertEquals(Optional.of(reference), decoder.decode(jpeg));
    }

    @Test
    void a_document_camera_frame_with_chinese_text_decodes() {
        byte[] png = Pictures.encode(Pictures.photo("长丰县水湖镇锦湖社区", 640, 480, -8, 2), "png");
        assertEquals(Optional.of("长丰县水湖镇锦湖社区"), decoder.decode(png));
    }

    @Test
    void a_picture_without_a_code_or_not_a_picture_at_all_gives_nothing() {
        assertEquals(Optional.empty(), decoder.decode(Pictures.encode(new BufferedImage(300, 200,
                BufferedImage.TYPE_INT_RGB), "png")));
        assertEquals(Optional.empty(), decoder.decode("not a picture".getBytes()));
        assertEquals(Optional.empty(), decoder.decode(new byte[0]));
    }

    @Test
    void the_scan_service_classifies_what_the_picture_holds() {
        ScanService service = new ScanService(Optional.empty());
        byte[] png = Pictures.encode(Pictures.photo("ZW1:ABCDEF", 800, 600, 0, 3), "png");
        assertInstanceOf(QrPayload.ReceiptToken.class, service.decodePicture(png).orElseThrow());
    }
}
