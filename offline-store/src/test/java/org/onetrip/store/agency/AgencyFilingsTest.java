package org.onetrip.store.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.db.StoreException;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AgencyFilingsTest {
    static final String AGENT = "34012119850415046X";

    @TempDir
    Path directory;
    private StoreFixture fixture;
    private AgencyFilings filings;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory.resolve("store.db"));
        filings = new AgencyFilings(fixture.db, fixture.audit, fixture.store, fixture.clock, UUID::randomUUID);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Authorisation authorise(SubmissionDraft draft) {
        return filings.authorise(Drafts.ID_NUMBER, draft.applicantMask(), draft.taskCode(), draft.itemName(), AGENT,
                true);
    }

    @Test
    void the_authorisation_keeps_the_resident_only_masked_and_as_the_salted_key() {
        SubmissionDraft draft = Drafts.draft();
        Authorisation a = authorise(draft);
        var row = fixture.rows("SELECT * FROM agency_authorisation").getFirst();
        assertEquals(draft.applicantMask(), row.get("resident_mask"));
        assertEquals(fixture.store.applicantKey(Drafts.ID_NUMBER), row.get("resident_key"));
        assertEquals(AGENT, row.get("staff_id"));
        assertEquals("1", row.get("slip_required"));
        assertFalse(fixture.rows("SELECT * FROM agency_authorisation").toString().contains(Drafts.ID_NUMBER));
        assertEquals(StoreFixture.START, a.at());
    }

    @Test
    void a_filing_is_sealed_with_the_agent_the_authorisation_and_each_material_trust_level_in_body_and_store() {
        SubmissionDraft draft = Drafts.draft();
        Authorisation a = authorise(draft);
        filings.slipPrinted(a);
        filings.slipSigned(a);
        AttachmentRef checked = fixture.store.attachments().stage(new byte[] {1, 2, 3}, "image/jpeg");
        AttachmentRef unchecked = fixture.store.attachments().stage(new byte[] {4, 5}, "application/pdf");

        filings.seal(draft, a, List.of(new FiledMaterial("户口簿", checked, true),
                new FiledMaterial("家庭收入、财产情况声明", unchecked, false)));

        JsonNode body = JsonMapper.builder().build().readTree(fixture.body("submission", draft.id().toString()));
        JsonNode filedBy = body.path("filedBy");
        assertEquals(AGENT, filedBy.path("agentId").asString());
        assertEquals(a.id().toString(), filedBy.path("authorisationId").asString());
        assertEquals("B", filedBy.path("materials").get(0).path("trust").asString());
        assertEquals(AGENT, filedBy.path("materials").get(0).path("checkedBy").asString());
        assertEquals("C", filedBy.path("materials").get(1).path("trust").asString());
        assertTrue(filedBy.path("materials").get(1).path("checkedBy").isMissingNode());
        assertEquals(List.of(checked.sha256(), unchecked.sha256()),
                body.path("attachments").valueStream().map(JsonNode::asString).toList());

        AgencyFilings.Filing filing = filings.filing(draft.id()).orElseThrow();
        assertEquals(AGENT, filing.staffId());
        assertEquals(a.id(), filing.authorisationId());
        assertEquals(List.of("B:" + AGENT, "C"), filing.materialTrust());
        assertEquals(1, fixture.count("outbox"), "it goes out like any submission");
    }

    @Test
    void every_step_of_the_filing_is_audited_with_the_agent_as_actor_and_the_chain_holds() {
        SubmissionDraft draft = Drafts.draft();
        Authorisation a = authorise(draft);
        filings.slipPrinted(a);
        filings.slipSigned(a);
        AttachmentRef scan = fixture.store.attachments().stage(new byte[] {9}, "image/jpeg");
        filings.seal(draft, a, List.of(new FiledMaterial("户口簿", scan, true)));

        var rows = fixture.rows("SELECT actor, action FROM audit_log ORDER BY seq");
        assertEquals(List.of("agency.authorised", "agency.slip-printed", "agency.slip-signed",
                "agency.material-checked", "agency.filed", "submission.sealed"),
                rows.stream().map(r -> r.get("action")).toList());
        assertTrue(rows.stream().allMatch(r -> AGENT.equals(r.get("actor"))), rows.toString());
        assertEquals(-1L, (long) fixture.db.read(c -> fixture.audit.firstBrokenEntry(c)));
        assertFalse(fixture.rows("SELECT * FROM audit_log").toString().contains(Drafts.ID_NUMBER));
    }

    @Test
    void a_draft_for_another_resident_or_item_cannot_use_the_authorisation() {
        Authorisation a = authorise(Drafts.draft());
        SubmissionDraft other = Drafts.draft(UUID.randomUUID(), Drafts.OTHER_NAME, Drafts.OTHER_ID_NUMBER);
        assertThrows(StoreException.class, () -> filings.seal(other, a, List.of()));
        SubmissionDraft otherItem = Drafts.draft(UUID.randomUUID(), "11340121MB1234567X4000117009999", Drafts.NAME,
                Drafts.ID_NUMBER);
        assertThrows(StoreException.class, () -> filings.seal(otherItem, a, List.of()));
        assertEquals(0, fixture.count("submission"));
    }

    @Test
    void a_material_whose_file_is_not_staged_seals_neither_the_submission_nor_the_filing() {
        SubmissionDraft draft = Drafts.draft();
        Authorisation a = authorise(draft);
        AttachmentRef scan = fixture.store.attachments().stage(new byte[] {7}, "image/jpeg");
        AttachmentRef missing = new AttachmentRef("0".repeat(64), 1, "image/jpeg");
        assertThrows(StoreException.class, () -> filings.seal(draft, a, List.of(new FiledMaterial("户口簿", scan, true),
                new FiledMaterial("声明", missing, false))));
        assertEquals(0, fixture.count("submission"));
        assertEquals(0, fixture.count("agency_filing"));
        assertEquals(0, fixture.count("agency_material"));
    }

    @Test
    void authorisations_and_filings_cannot_be_changed_afterwards() {
        SubmissionDraft draft = Drafts.draft();
        Authorisation a = authorise(draft);
        filings.seal(draft, a, List.of());
        assertThrows(StoreException.class, () -> fixture.execute("UPDATE agency_authorisation SET staff_id = 'x'"));
        assertThrows(StoreException.class, () -> fixture.execute("DELETE FROM agency_authorisation"));
        assertThrows(StoreException.class, () -> fixture.execute("UPDATE agency_filing SET staff_id = 'x'"));
    }
}
