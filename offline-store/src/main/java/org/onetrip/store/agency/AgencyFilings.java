package org.onetrip.store.agency;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.db.Instants;
import org.onetrip.store.db.StoreException;
import org.onetrip.store.submission.FiledBy;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.submission.SubmissionStore;

/**
 * Authorisations and filings of a village point. {@link #authorise} records the resident's 委托 when their card is
 * tapped; {@link #seal} seals what the agent filed through the same {@link SubmissionStore#seal} as a resident's
 * own application (so the outbox, sync and receipt work unchanged), adding the agent, the authorisation and the
 * materials' trust levels to the body and the agency tables in the same transaction. Every step is in the audit
 * log with the staff card number as actor.
 */
public final class AgencyFilings {
    private final Database db;
    private final AuditLog audit;
    private final SubmissionStore submissions;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public AgencyFilings(Database db, AuditLog audit, SubmissionStore submissions, Clock clock, Supplier<UUID> ids) {
        this.db = db;
        this.audit = audit;
        this.submissions = submissions;
        this.clock = clock;
        this.ids = ids;
    }

    private static final String INSERT_AUTHORISATION = """
            INSERT INTO agency_authorisation (id, resident_key, resident_mask, task_code, item_name, staff_id,
                                              slip_required, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** Records that the resident with {@code residentIdNumber} authorised {@code staffId} for the item. */
    public Authorisation authorise(String residentIdNumber, String residentMask, String taskCode, String itemName,
                                   String staffId, boolean slipRequired) {
        Authorisation a = new Authorisation(ids.get(), residentMask, taskCode, itemName, staffId, slipRequired,
                clock.instant());
        String key = submissions.applicantKey(residentIdNumber);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_AUTHORISATION)) {
                ps.setString(1, a.id().toString());
                ps.setString(2, key);
                ps.setString(3, residentMask);
                ps.setString(4, taskCode);
                ps.setString(5, itemName);
                ps.setString(6, staffId);
                ps.setInt(7, slipRequired ? 1 : 0);
                ps.setString(8, Instants.format(a.at()));
                ps.executeUpdate();
            }
            return audit.append(c, staffId, "agency.authorised", a.id().toString(),
                    "task=" + taskCode + (slipRequired ? " slip=required" : ""));
        });
        return a;
    }

    /** Records that the authorisation slip was printed for the resident's signature. */
    public void slipPrinted(Authorisation a) {
        db.inTransaction(c -> audit.append(c, a.staffId(), "agency.slip-printed", a.id().toString(), ""));
    }

    /** Records that the agent confirmed the resident signed the printed slip. */
    public void slipSigned(Authorisation a) {
        db.inTransaction(c -> audit.append(c, a.staffId(), "agency.slip-signed", a.id().toString(), ""));
    }

    private static final String INSERT_FILING = """
            INSERT INTO agency_filing (submission_id, authorisation_id, staff_id, sealed_at) VALUES (?, ?, ?, ?)
            """;
    private static final String INSERT_MATERIAL = """
            INSERT INTO agency_material (submission_id, ordinal, material, sha256, trust, checked_by)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    /**
     * Seals {@code draft} as filed by {@code a}'s agent with {@code materials} as its attachments, in that order.
     * The draft must be for the authorising resident and the authorised item.
     */
    public SealedSubmission seal(SubmissionDraft draft, Authorisation a, List<FiledMaterial> materials) {
        if (!draft.taskCode().equals(a.taskCode()) || !draft.applicantMask().equals(a.residentMask())) {
            throw new StoreException("agency filing " + draft.id() + ": the draft is not for the authorised resident"
                    + " and item (authorisation " + a.id() + ")");
        }
        List<Map<String, Object>> described = new ArrayList<>();
        for (FiledMaterial m : materials) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", m.material());
            d.put("sha256", m.file().sha256());
            d.put("trust", m.trust());
            if (m.checkedAgainstOriginal()) {
                d.put("checkedBy", a.staffId());
            }
            described.add(d);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agentId", a.staffId());
        body.put("authorisationId", a.id().toString());
        body.put("authorisedAt", a.at().toString());
        body.put("materials", described);
        FiledBy filedBy = new FiledBy(a.staffId(), body, (c, submissionId, sealedAt) -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_FILING)) {
                ps.setString(1, submissionId.toString());
                ps.setString(2, a.id().toString());
                ps.setString(3, a.staffId());
                ps.setString(4, Instants.format(sealedAt));
                ps.executeUpdate();
            }
            int ordinal = 0;
            for (FiledMaterial m : materials) {
                try (PreparedStatement ps = c.prepareStatement(INSERT_MATERIAL)) {
                    ps.setString(1, submissionId.toString());
                    ps.setInt(2, ordinal++);
                    ps.setString(3, m.material());
                    ps.setString(4, m.file().sha256());
                    ps.setString(5, m.trust());
                    ps.setString(6, m.checkedAgainstOriginal() ? a.staffId() : null);
                    ps.executeUpdate();
                }
                audit.append(c, a.staffId(), m.checkedAgainstOriginal() ? "agency.material-checked"
                        : "agency.material-unchecked", submissionId.toString(), "material#" + (ordinal - 1)
                        + " trust=" + m.trust() + " sha256=" + m.file().sha256());
            }
            audit.append(c, a.staffId(), "agency.filed", submissionId.toString(), "authorisation=" + a.id());
        });
        return submissions.seal(draft.withAttachments(materials.stream().map(FiledMaterial::file).toList()), filedBy);
    }

    /** A filing as the store keeps it: who filed, under which authorisation, and each material's trust. */
    public record Filing(UUID submissionId, UUID authorisationId, String staffId, Instant sealedAt,
                         List<String> materialTrust) {
    }

    private static final String SELECT_FILING = """
            SELECT authorisation_id, staff_id, sealed_at FROM agency_filing WHERE submission_id = ?
            """;
    private static final String SELECT_MATERIALS = """
            SELECT trust || coalesce(':' || checked_by, '') FROM agency_material WHERE submission_id = ? ORDER BY ordinal
            """;

    /** The filing of {@code submissionId}, if an agent filed it; material trust as {@code B:staffId} or {@code C}. */
    public Optional<Filing> filing(UUID submissionId) {
        return db.read(c -> {
            List<String> trust = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT_MATERIALS)) {
                ps.setString(1, submissionId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        trust.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(SELECT_FILING)) {
                ps.setString(1, submissionId.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Filing(submissionId, UUID.fromString(rs.getString(1)),
                            rs.getString(2), Instant.parse(rs.getString(3)), trust)) : Optional.empty();
                }
            }
        });
    }
}
