package org.onetrip.hardware.printer.escpos;

import org.onetrip.hardware.printer.receipt.ReceiptDocument;

/** A realistic receipt of a submission not yet synced. */
final class SampleReceipt {

    static final String TITLE = "长丰县水湖镇锦湖社区 政务服务自助终端";
    static final String QR_PAYLOAD =
            "https://zwfw.example/bj?id=7f3c9a2e-5b1d-4e8a-9c61-0d2f4b8e13a5&st=已提交待同步";

    private SampleReceipt() {
    }

    static ReceiptDocument document() {
        return ReceiptDocument.builder()
                .title(TITLE)
                .divider()
                .row("事项", "城乡居民基本医疗保险参保登记")
                .row("办件号", "7f3c9a2e-5b1d-4e8a-9c61-0d2f4b8e13a5")
                .row("提交时间", "2025-06-18 09:42:17")
                .row("承诺办结", "5个工作日（2025-06-25前）")
                .divider()
                .notice("已提交，待同步")
                .text("网络恢复后终端将自动上报，无需再次提交。")
                .qr(QR_PAYLOAD, "扫码查询办理进度")
                .emphasis("咨询投诉请拨打 12345")
                .build();
    }
}
