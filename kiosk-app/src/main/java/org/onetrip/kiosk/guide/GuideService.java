package org.onetrip.kiosk.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.printer.PrinterException;
import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.catalog.LiveCatalog;
import org.onetrip.store.catalog.Material;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.submission.SubmissionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an item's 办事指南 for the resident in front of the terminal, and prints it. A material's status is
 * personal where the terminal knows: "already on file" is said only when this resident has sealed a submission
 * here before.
 */
public final class GuideService {
    private static final Logger log = LoggerFactory.getLogger(GuideService.class);

    /** What a resident must do about one material, as a message key ({@code guide.status.*}). */
    public enum Status {
        SHARED, E_LICENCE, ON_FILE_HERE, ON_FILE_IF_GIVEN, COMMITMENT, BRING_A, BRING_B, BRING_C, BRING_D, OPTIONAL;

        public String key() {
            return "guide.status." + name();
        }

        public boolean mustBring() {
            return name().startsWith("BRING");
        }
    }

    public record MaterialLine(Material material, Status status) {
    }

    /** The guide of {@code item}; {@code personal} when a resident's card was read. */
    public record Guide(ServiceItem item, List<MaterialLine> materials, boolean personal) {
    }

    private final LiveCatalog catalog;
    private final SubmissionStore submissions;
    private final ReceiptPrinter printer;
    private final TerminalConfig config;

    public GuideService(LiveCatalog catalog, SubmissionStore submissions, ReceiptPrinter printer,
                        TerminalConfig config) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.printer = printer;
        this.config = config;
    }

    /** An item offered at this terminal. */
    public Optional<ServiceItem> item(String taskCode) {
        return catalog.catalog().find(taskCode).filter(i -> config.region().isWithin(i.regionCode()));
    }

    public Guide guide(ServiceItem item, Optional<IdentityCard> resident) {
        boolean hasFile = resident.map(c -> !submissions.findByApplicant(c.idNumber()).isEmpty()).orElse(false);
        List<MaterialLine> lines = new ArrayList<>();
        for (Material m : item.materials()) {
            lines.add(new MaterialLine(m, status(m, hasFile)));
        }
        return new Guide(item, List.copyOf(lines), resident.isPresent());
    }

    private static Status status(Material m, boolean hasFile) {
        return switch (m.waiver()) {
            case SHARED_DATA -> Status.SHARED;
            case E_LICENCE -> Status.E_LICENCE;
            case ON_FILE -> hasFile ? Status.ON_FILE_HERE : Status.ON_FILE_IF_GIVEN;
            case COMMITMENT -> Status.COMMITMENT;
            case NONE -> !m.required() ? Status.OPTIONAL : switch (m.trustLevel().orElse(
                    org.onetrip.store.catalog.TrustLevel.A)) {
                case A -> Status.BRING_A;
                case B -> Status.BRING_B;
                case C -> Status.BRING_C;
                case D -> Status.BRING_D;
            };
        };
    }

    /** Prints the guide on the receipt printer; a message key for the resident when it could not be printed. */
    public Optional<String> print(Guide guide) {
        byte[] bytes = new EscPosEncoder(printer.profile()).encode(document(guide));
        try {
            printer.print(bytes);
            return Optional.empty();
        } catch (PrinterException e) {
            log.warn("guide of item[{}] not printed: {}", guide.item().taskCode(), e.getMessage());
            return Optional.of("guide.print-failed");
        }
    }

    ReceiptDocument document(Guide g) {
        ResourceBundle t = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.SIMPLIFIED_CHINESE);
        ServiceItem i = g.item();
        ReceiptDocument.Builder doc = ReceiptDocument.builder()
                .title(t.getString("guide.title"))
                .emphasis(i.name())
                .text(config.siteName())
                .divider()
                .row(t.getString("guide.department"), i.department())
                .row(t.getString("guide.type"), i.itemTypeName())
                .row(t.getString("guide.promise"), GuideText.promise(t, i))
                .row(t.getString("guide.fee"), t.getString(i.fee() ? "guide.fee.yes" : "guide.fee.no"))
                .row(t.getString("guide.visits"), GuideText.visits(t, i));
        if (i.visits() > 0 && !i.visitPlace().isEmpty()) {
            doc.row(t.getString("guide.where"), i.visitPlace());
        }
        doc.divider().emphasis(t.getString("guide.conditions")).text(i.acceptConditions())
                .emphasis(t.getString("guide.flow")).text(i.handleFlow())
                .emphasis(t.getString("guide.materials"));
        for (MaterialLine line : g.materials()) {
            doc.text("·" + line.material().name() + "：" + t.getString(line.status().key()));
        }
        doc.emphasis(t.getString("guide.delivery")).text(GuideText.deliveries(t, i));
        return doc.divider().text(t.getString("guide.hotline")).feed(3).build();
    }
}
