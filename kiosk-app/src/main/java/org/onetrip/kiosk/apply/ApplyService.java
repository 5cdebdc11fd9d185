package org.onetrip.kiosk.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.catalog.Catalog;
import org.onetrip.store.db.StoreException;
import org.onetrip.store.catalog.CatalogSearch;
import org.onetrip.store.catalog.LiveCatalog;
import org.onetrip.store.catalog.Synonyms;
import org.onetrip.store.catalog.FormField;
import org.onetrip.store.catalog.Material;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.submission.DeliveryDetails;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resident's application, from the items this terminal offers to a sealed submission with its receipt:
 * the one-table form is prefilled from the card (一表申请、信息复用), sealed durably, then printed, then
 * handed to the sync engine.
 */
public final class ApplyService {
    /** The body field listing the materials the resident replaced by a written commitment (告知承诺). */
    public static final String COMMITMENTS_FIELD = "commitments";
    private static final Logger log = LoggerFactory.getLogger(ApplyService.class);
    private final LiveCatalog catalog;
    private final TerminalConfig config;
    private final SubmissionStore store;
    private final SyncEngine sync;
    private final ReceiptService receipts;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public ApplyService(Catalog catalog, TerminalConfig config, SubmissionStore store, SyncEngine sync,
                        ReceiptService receipts, Clock clock, Supplier<UUID> ids) {
        this(new LiveCatalog(catalog, Synonyms.standard()), config, store, sync, receipts, clock, ids);
    }

    /** An application service over the terminal's live catalog, which newer signed bundles replace. */
    public ApplyService(LiveCatalog catalog, TerminalConfig config, SubmissionStore store, SyncEngine sync,
                        ReceiptService receipts, Clock clock, Supplier<UUID> ids) {
        this.catalog = catalog;
        this.config = config;
        this.store = store;
        this.sync = sync;
        this.receipts = receipts;
        this.clock = clock;
        this.ids = ids;
    }

    public List<ServiceItem> offered() {
        return catalog.catalog().offeredAt(config.region());
    }

    /** Items offered here matching what the resident typed (characters, pinyin, initials, everyday words). */
    public CatalogSearch.Result search(String query, String theme, int limit) {
        return catalog.search().search(query, config.region(), theme, limit);
    }

    /** The life-event themes of the items offered here, most used first. */
    public List<String> themes() {
        return catalog.catalog().themesAt(config.region());
    }

    public Optional<ServiceItem> item(String taskCode) {
        return catalog.catalog().find(taskCode).filter(i -> config.region().isWithin(i.regionCode()));
    }

    /**
     * The form values of the resident's latest submission sealed on this terminal, if any: offered for prefilling
     * only after the resident says yes ({@link PrefillConsent}). The prefill is a convenience: when the store
     * cannot be read, the resident is simply not asked, and the form works as for a first visit.
     */
    public Optional<Map<String, String>> earlierValues(IdentityCard card) {
        try {
            return store.latestFormValues(card.idNumber());
        } catch (StoreException e) {
            log.warn("apply: earlier form values not read, the form is not prefilled from them: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The form's starting values: what the card says, and for every other field the value the resident gave
     * last time ({@code earlier}, empty when they did not agree), where it still fits the field.
     */
    public Map<String, String> prefill(ServiceItem item, IdentityCard card, Map<String, String> earlier) {
        Map<String, String> values = prefill(item, card);
        for (FormField f : item.fields()) {
            String before = earlier.getOrDefault(f.key(), "").strip();
            if (f.prefill().isEmpty() && !before.isEmpty()
                    && !check(item, Map.of(f.key(), before)).containsKey(f.key())) {
                values.put(f.key(), before);
            }
        }
        return values;
    }

    /** The form's starting values: whatever the card already says. */
    public Map<String, String> prefill(ServiceItem item, IdentityCard card) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField f : item.fields()) {
            values.put(f.key(), switch (f.prefill()) {
                case "card.name" -> card.name();
                case "card.idNumber" -> card.idNumber();
                case "card.address" -> card.address();
                default -> "";
            });
        }
        return values;
    }

    /** Problems with the values, as field key to message key; empty when the form can be submitted. */
    public Map<String, String> check(ServiceItem item, Map<String, String> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (FormField f : item.fields()) {
            String v = values.getOrDefault(f.key(), "").strip();
            if (f.required() && v.isEmpty()) {
                problems.put(f.key(), "form.required");
            } else if ("digits".equals(f.input()) && !v.isEmpty() && !v.matches("\\d+")) {
                problems.put(f.key(), "form.digits-only");
            } else if ("phone".equals(f.key()) && !v.isEmpty() && !v.matches("1\\d{10}")) {
                problems.put(f.key(), "form.phone");
            } else if (!f.choices().isEmpty() && !v.isEmpty() && !f.choices().contains(v)) {
                problems.put(f.key(), "form.choice");
            }
        }
        return problems;
    }

    private static boolean toBring(ServiceItem item, String material) {
        return item.toBring().stream().anyMatch(m -> m.name().equals(material));
    }

    public record Submitted(SealedSubmission sealed, ReceiptService.PrintedReceipt receipt) {
    }

    /** Seals the application (durable before anything is printed), prints the receipt and wakes the sync engine. */
    public Submitted submit(IdentityCard card, ServiceItem item, Map<String, String> values, String delivery) {
        return submit(card, item, values, delivery, DeliveryDetails.NONE, ProvidedMaterials.NONE);
    }

    /** As {@link #submit(IdentityCard, ServiceItem, Map, String)}, with where the result goes sealed in. */
    public Submitted submit(IdentityCard card, ServiceItem item, Map<String, String> values, String delivery,
                            DeliveryDetails deliveryTo) {
        return submit(card, item, values, delivery, deliveryTo, ProvidedMaterials.NONE);
    }

    /** As {@link #submit(IdentityCard, ServiceItem, Map, String)}, with the materials provided at the terminal. */
    public Submitted submit(IdentityCard card, ServiceItem item, Map<String, String> values, String delivery,
                            ProvidedMaterials provided) {
        return submit(card, item, values, delivery, DeliveryDetails.NONE, provided);
    }

    /**
     * Seals the application with where the result goes ({@code deliveryTo}) and the materials provided at the
     * terminal: the photos become the submission's attachments (uploaded before it), declared commitments are
     * listed in the field {@value #COMMITMENTS_FIELD}, and neither is on the list of what to bring.
     */
    public Submitted submit(IdentityCard card, ServiceItem item, Map<String, String> values, String delivery,
                            DeliveryDetails deliveryTo, ProvidedMaterials provided) {
        Map<String, String> problems = check(item, values);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("form has problems in fields " + problems.keySet());
        }
        LocalDate today = LocalDate.now(clock);
        SubmissionDraft draft = new SubmissionDraft(ids.get(), item.taskCode(), item.name(), item.version(),
                config.region().code(), card.name(), card.idNumber(),
                card.maskedName() + " " + card.maskedIdNumber(), values, delivery,
                item.promiseDays() > 0 ? WorkingDays.add(today, item.promiseDays()) : today,
                item.materials().stream().map(Material::name)
                        .filter(m -> toBring(item, m) && !provided.covers(m) || provided.bringing().contains(m))
                        .toList());
        if (!provided.declared().isEmpty()) {
            Map<String, String> withCommitments = new LinkedHashMap<>(values);
            withCommitments.put(COMMITMENTS_FIELD, item.materials().stream().map(Material::name)
                    .filter(provided.declared()::contains).collect(java.util.stream.Collectors.joining("、")));
            draft = new SubmissionDraft(draft.id(), draft.taskCode(), draft.itemName(), draft.itemVersion(),
                    draft.regionCode(), draft.applicantName(), draft.applicantIdNumber(), draft.applicantMask(),
                    withCommitments, draft.delivery(), draft.promisedBy(), draft.stillToBring(), List.of());
        }
        draft = draft.withAttachments(provided.attachmentsIn(item.materials().stream().map(Material::name).toList()));
        draft = draft.withDeliveryTo(deliveryTo);
        SealedSubmission sealed = store.seal(draft);
        ReceiptService.PrintedReceipt receipt = receipts.print(sealed);
        sync.nudge();
        return new Submitted(sealed, receipt);
    }
}
