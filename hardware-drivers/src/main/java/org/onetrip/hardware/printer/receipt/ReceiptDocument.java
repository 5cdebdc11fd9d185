package org.onetrip.hardware.printer.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable receipt: blocks printed in order.
 *
 * <pre>{@code
 * ReceiptDocument receipt = ReceiptDocument.builder()
 *         .title("锦湖社区 政务服务自助终端")
 *         .row("办件号", "3401212025061800123")
 *         .notice("已提交，待同步")
 *         .qr(token, "扫码查询办理进度")
 *         .build();
 * }</pre>
 */
public record ReceiptDocument(List<ReceiptBlock> blocks) {

    public ReceiptDocument {
        blocks = List.copyOf(blocks);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects blocks in call order; {@link #build()} may be called more than once. */
    public static final class Builder {
        private final List<ReceiptBlock> blocks = new ArrayList<>();

        private Builder() {
        }

        public Builder title(String text) {
            return add(new ReceiptBlock.Title(text));
        }

        public Builder row(String key, String value) {
            return add(new ReceiptBlock.KeyValue(key, value));
        }

        public Builder divider() {
            return add(new ReceiptBlock.Divider());
        }

        public Builder text(String text) {
            return add(new ReceiptBlock.Text(text, false));
        }

        public Builder emphasis(String text) {
            return add(new ReceiptBlock.Text(text, true));
        }

        public Builder notice(String text) {
            return add(new ReceiptBlock.Notice(text));
        }

        public Builder qr(String payload, String caption) {
            return add(new ReceiptBlock.Qr(payload, caption));
        }

        public Builder feed(int lines) {
            return add(new ReceiptBlock.Feed(lines));
        }

        public Builder add(ReceiptBlock block) {
            blocks.add(Objects.requireNonNull(block, "block"));
            return this;
        }

        public ReceiptDocument build() {
            return new ReceiptDocument(blocks);
        }
    }
}
