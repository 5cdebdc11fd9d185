package org.onetrip.kiosk.agency.filing;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Supplier;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.printer.PrinterException;
import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.apply.WorkingDays;
import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.agency.AgencyFilings;
import org.onetrip.store.agency.Authorisation;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.catalog.Material;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the filing screens do: find items, record the resident's authorisation at their card tap, print the
 * authorisation slip, stage the materials' photos and scans, and seal the case (durably, before the receipt
 * prints) through {@link AgencyFilings}, then wake the sync engine, as a resident's own application does.
 */
public final class FilingService {
    private static final Logger log = LoggerFactory.getLogger(FilingService.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The free-text field every filing carries besides the item's own fields. */
    public static final String NOTE_FIELD = "agentNote";

    private final ApplyService apply;
    private final AgencyFilings filings;
    private final SubmissionStore store;
    private final ReceiptService receipts;
    private final ReceiptPrinter printer;
    private final TerminalConfig config;
    private final SyncEngine sync;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public FilingService(ApplyService apply, AgencyFilings filings, SubmissionStore store, ReceiptService receipts,
                         ReceiptPrinter printer, TerminalConfig config, SyncEngine sync, Clock clock,
                         Supplier<UUID> ids) {
        this.apply = apply;
        this.filings = filings;
        this.store = store;
        this.receipts = receipts;
        this.printer = printer;
        this.config = config;
        this.sync = sync;
        this.clock = clock;
        this.ids = ids;
    }

    public ApplyService apply() {
        return apply;
    }

    public List<ServiceItem> search(String query, int limit) {
        return apply.search(query == null ? "" : query, null, limit).items();
    }

    public Optional<ServiceItem> item(String taskCode) {
        return apply.item(taskCode);
    }

    /** The resident tapped their card: records the authorisation and starts the case in this session. */
    public FilingCase authorise(StaffSession staff, ServiceItem item, IdentityCard resident) {
        Authorisation a = filings.authorise(resident.idNumber(), mask(resident), item.taskCode(), item.name(),
                staff.staffId(), item.authorisationSlip());
        FilingCase c = new FilingCase(item, resident, a);
        FilingCase.start(c);
        return c;
    }

    /** Prints the authorisation slip for the resident's signature; a message key when it could not be printed. */
    public Optional<String> printSlip(FilingCase c, StaffSession staff) {
        byte[] bytes = new EscPosEncoder(printer.profile()).encode(slip(c, staff));
        try {
            printer.print(bytes);
            filings.slipPrinted(c.authorisation());
            return Optional.empty();
        } catch (PrinterException e) {
            log.warn("authorisation[{}]: slip not printed: {}", c.authorisation().id(), e.getMessage());
            return Optional.of("agency.slip.print-failed");
        }
    }

    public void slipSigned(FilingCase c) {
        filings.slipSigned(c.authorisation());
        c.markSlipSigned();
    }

    ReceiptDocument slip(FilingCase c, StaffSession staff) {
        ResourceBundle t = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.SIMPLIFIED_CHINESE);
        Authorisation a = c.authorisation();
        return ReceiptDocument.builder()
                .title(t.getString("agency.slip.title"))
                .text(config.siteName())
                .divider()
                .row(t.getString("agency.slip.resident"), a.residentMask())
                .row(t.getString("agency.slip.item"), a.itemName())
                .row(t.getString("agency.slip.agent"), staff.name())
                .row(t.getString("agency.slip.time"), WHEN.format(a.at().atZone(clock.getZone())))
                .row(t.getString("agency.slip.number"), a.id().toString().substring(0, 8))
                .divider()
                .text(t.getString("agency.slip.body"))
                .feed(1)
                .text(t.getString("agency.slip.sign"))
                .feed(4).build();
    }

    /** Stages a photo or scan of {@code material} in the attachment store and adds it to the case. */
    public AttachmentRef stage(FilingCase c, String material, InputStream in, String mediaType, boolean checked) {
        AttachmentRef ref = store.attachments().stage(in, mediaType);
        c.material(material, ref, checked);
        return ref;
    }

    public void checked(FilingCase c, String material, boolean checked) {
        c.checked(material, checked);
    }

    /** Materials that must be provided and have no photo or scan yet. */
    public List<String> missingMaterials(FilingCase c) {
        var have = c.materials().stream().map(m -> m.material()).toList();
        return c.item().toBring().stream().map(Material::name).filter(n -> !have.contains(n)).toList();
    }

    public record Filed(SealedSubmission sealed, ReceiptService.PrintedReceipt receipt) {
    }

    /** Seals the case (the slip signed where needed), prints the receipt and wakes the sync engine. */
    public Filed submit(FilingCase c, Map<String, String> values, String delivery) {
        if (!c.slipSigned()) {
            throw new IllegalStateException("authorisation " + c.authorisation().id() + ": the slip is not signed");
        }
        ServiceItem item = c.item();
        Map<String, String> checkedValues = new LinkedHashMap<>(values);
        String note = checkedValues.remove(NOTE_FIELD);
        Map<String, String> problems = apply.check(item, checkedValues);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("form has problems in fields " + problems.keySet());
        }
        if (note != null && !note.isBlank()) {
            checkedValues.put(NOTE_FIELD, note.strip());
        }
        IdentityCard card = c.resident();
        LocalDate today = LocalDate.now(clock);
        List<String> missing = missingMaterials(c);
        SubmissionDraft draft = new SubmissionDraft(ids.get(), item.taskCode(), item.name(), item.version(),
                config.region().code(), card.name(), card.idNumber(), mask(card), checkedValues, delivery,
                item.promiseDays() > 0 ? WorkingDays.add(today, item.promiseDays()) : today, missing);
        SealedSubmission sealed = filings.seal(draft, c.authorisation(), c.materials());
        ReceiptService.PrintedReceipt receipt = receipts.print(sealed);
        sync.nudge();
        FilingCase.end();
        return new Filed(sealed, receipt);
    }

    static String mask(IdentityCard card) {
        return card.maskedName() + " " + card.maskedIdNumber();
    }
}
