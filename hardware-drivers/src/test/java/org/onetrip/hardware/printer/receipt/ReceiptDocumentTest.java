package org.onetrip.hardware.printer.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptDocumentTest {

    @Test
    void builder_keeps_blocks_in_call_order() {
        ReceiptDocument document = ReceiptDocument.builder()
                .title("回执").row("事项", "参保登记").divider().text("说明").emphasis("重要")
                .notice("已提交，待同步").qr("payload", "扫码查询").feed(2)
                .build();

        assertEquals(List.of(
                new ReceiptBlock.Title("回执"),
                new ReceiptBlock.KeyValue("事项", "参保登记"),
                new ReceiptBlock.Divider(),
                new ReceiptBlock.Text("说明", false),
                new ReceiptBlock.Text("重要", true),
                new ReceiptBlock.Notice("已提交，待同步"),
                new ReceiptBlock.Qr("payload", "扫码查询"),
                new ReceiptBlock.Feed(2)), document.blocks());
    }

    @Test
    void a_built_document_does_not_change_when_the_builder_goes_on() {
        ReceiptDocument.Builder builder = ReceiptDocument.builder().title("一");
        ReceiptDocument first = builder.build();
        builder.text("二");

        assertEquals(1, first.blocks().size());
        assertThrows(UnsupportedOperationException.class, () -> first.blocks().add(new ReceiptBlock.Divider()));
    }

    @Test
    void feeds_outside_what_esc_d_can_express_are_rejected() {
        assertThrows(IllegalArgumentException.class, () -> ReceiptDocument.builder().feed(0));
        assertThrows(IllegalArgumentException.class, () -> ReceiptDocument.builder().feed(256));
    }

    @Test
    void an_empty_qr_payload_is_rejected() {
        assertThrows(IllegalArgumentException.class, () -> ReceiptDocument.builder().qr("", "caption"));
    }
}
