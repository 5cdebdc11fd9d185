package org.onetrip.store.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.agency.AgencyFilings;
import org.onetrip.store.agency.Authorisation;
import org.onetrip.store.agency.FiledMaterial;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.db.Database;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.ledger.LedgerFilter;
import org.onetrip.store.ledger.LedgerStore;
import org.onetrip.store.submission.DeliveryDetails;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

/**
 * The acceptance test: a copy of the database files and the attachment folder, taken off the disk after a
 * day's work, reveals no name, ID number, address, phone, comment, complaint or attachment content of a resident —
 * in UTF-8 or UTF-16 — while the stores still hand every one of them back in the clear.
 */
class EncryptionAtRestTest {
    static final String NAME = "王秀兰";
    static final String ID_NUMBER = "340121194803120024";
    static final String BIRTH_DIGITS = "19480312"; // the digits the on-screen mask 340121********0024 hides
    static final String AGENCY_NAME = "李建国";
    static final String AGENCY_ID = "34012119621001031X";
    static final String ADDRESS = "安徽省合肥市长丰县水湖镇锦湖社区锦湖路18号";
    static final String PHONE = "13905510001";
    static final String COMMENT = "窗口阿姨很耐心谢谢";
    static final String COMPLAINT = "锦湖路路灯坏了三个月没人修";
    static final String ATTACHMENT = "ATTACHMENT-MARKER-户口簿首页-7731";

    @TempDir
    Path directory;

    @Test
    void a_copy_of_the_database_and_attachment_files_reveals_nothing_of_the_residents() throws Exception {
        Path file = directory.resolve("onetrip.db");
        UUID express = UUID.randomUUID();
        UUID filed = UUID.randomUUID();
        try (StoreFixture f = new StoreFixture(file)) {
            AttachmentRef photo = f.store.attachments().stage(ATTACHMENT.getBytes(StandardCharsets.UTF_8), "image/jpeg");
            f.store.seal(withPhone(Drafts.draft(express, NAME, ID_NUMBER), PHONE)
                    .withDeliveryTo(DeliveryDetails.express(ADDRESS, PHONE)).withAttachments(List.of(photo)));
            FeedbackStore feedback = new FeedbackStore(f.db, f.audit, f.clock, StoreFixture.TERMINAL_ID,
                    UUID::randomUUID);
            feedback.rate(express, 5, COMMENT);
            feedback.complain(Optional.of(express), "咨询", COMPLAINT + " " + ADDRESS);
            AgencyFilings agency = new AgencyFilings(f.db, f.audit, f.store, f.clock, UUID::randomUUID);
            SubmissionDraft forAgency = Drafts.draft(filed, Drafts.TASK_CODE, AGENCY_NAME, AGENCY_ID);
            Authorisation a = agency.authorise(AGENCY_ID, forAgency.applicantMask(), forAgency.taskCode(),
                    forAgency.itemName(), "34012119850415046X", true);
            AttachmentRef scan = f.store.attachments().stage((ATTACHMENT + "-scan").getBytes(StandardCharsets.UTF_8),
                    "application/pdf");
            agency.seal(forAgency, a, List.of(new FiledMaterial("户口簿", scan, true)));
            f.store.attachments().stage((ATTACHMENT + "-staged-not-sealed").getBytes(StandardCharsets.UTF_8),
                    "image/jpeg");

            // every reader still gets the plaintext
            String outbox = f.outbox.due(f.clock.instant(), 10).stream()
                    .map(e -> new String(e.body(), StandardCharsets.UTF_8)).reduce("", String::concat);
            assertTrue(outbox.contains(ID_NUMBER) && outbox.contains(ADDRESS) && outbox.contains(AGENCY_ID), outbox);
            String queued = feedback.due(f.clock.instant(), 10).stream()
                    .map(e -> new String(e.body(), StandardCharsets.UTF_8)).reduce("", String::concat);
            assertTrue(queued.contains(COMMENT) && queued.contains(COMPLAINT), queued);
            assertEquals(ADDRESS, f.store.deliveryOf(express).orElseThrow().to().address());
            assertEquals(PHONE, f.store.latestFormValues(ID_NUMBER).orElseThrow().get("phone"));
            assertEquals(PHONE, new LedgerStore(f.db, f.audit, ZoneId.of("Asia/Shanghai"))
                    .cases(LedgerFilter.all(), LocalDate.of(2026, 3, 2)).stream()
                    .filter(c -> c.id().equals(express)).findFirst().orElseThrow().phone());
            assertArrayEquals(ATTACHMENT.getBytes(StandardCharsets.UTF_8), f.store.attachments().read(photo.sha256()));

            Map<Path, byte[]> open = diskCopy(file);
            assertTrue(open.containsKey(f.db.redoJournalFile()), "the redo journal, holding the resident's seal, is read");
            assertNothingReadable(open, "while the store is open (WAL and redo journal in use)");
        }
        assertNothingReadable(diskCopy(file), "after the store is closed");
    }

    @Test
    void a_store_from_before_encryption_is_encrypted_in_place_and_keeps_every_record() throws Exception {
        Path file = directory.resolve("onetrip.db");
        OldStore old = OldStore.create(file, directory.resolve("attachments"));
        UUID submission = UUID.randomUUID();
        UUID evaluation = UUID.randomUUID();
        UUID complaint = UUID.randomUUID();
        String body = "{\"submissionId\":\"" + submission + "\",\"applicant\":{\"name\":\"" + NAME + "\",\"idNumber\":\""
                + ID_NUMBER + "\"},\"fields\":{\"phone\":\"" + PHONE + "\"},\"deliveryTo\":{\"address\":\"" + ADDRESS
                + "\"}}";
        String sha = old.attachment(ATTACHMENT.getBytes(StandardCharsets.UTF_8));
        old.submission(submission, body, sha);
        old.evaluation(evaluation, submission, "{\"comment\":\"" + COMMENT + "\"}");
        old.complaint(complaint, "{\"text\":\"" + COMPLAINT + "\"}");
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        old.salt(salt);
        old.deletedRow(body); // a row an older version deleted: its bytes linger in free pages
        old.leftoverStagingFile(ATTACHMENT + "-half-written");
        assertTrue(containsAny(diskCopy(file)), "the old store holds the values in the clear (else this proves nothing)");

        try (StoreFixture f = new StoreFixture(file)) {
            assertEquals(body, new String(f.body("submission", submission.toString()), StandardCharsets.UTF_8));
            assertEquals("{\"comment\":\"" + COMMENT + "\"}",
                    new String(f.body("evaluation", evaluation.toString()), StandardCharsets.UTF_8));
            assertEquals("{\"text\":\"" + COMPLAINT + "\"}",
                    new String(f.body("complaint", complaint.toString()), StandardCharsets.UTF_8));
            assertEquals(org.onetrip.store.uplink.Sm2.sm3Hex(body.getBytes(StandardCharsets.UTF_8)),
                    f.rows("SELECT body_sm3 FROM submission").getFirst().get("body_sm3"), "SM3 of what is sent");
            assertEquals(body, new String(f.outbox.due(f.clock.instant(), 1).getFirst().body(), StandardCharsets.UTF_8));
            assertArrayEquals(ATTACHMENT.getBytes(StandardCharsets.UTF_8), f.store.attachments().read(sha));
            assertTrue(f.store.attachments().isPresent(new AttachmentRef(sha, ATTACHMENT.getBytes(
                    StandardCharsets.UTF_8).length, "image/jpeg")));
            byte[] salted = java.util.Arrays.copyOf(salt, 32 + ID_NUMBER.length());
            System.arraycopy(ID_NUMBER.getBytes(StandardCharsets.US_ASCII), 0, salted, 32, ID_NUMBER.length());
            assertEquals(org.onetrip.store.uplink.Sm2.sm3Hex(salted), f.store.applicantKey(ID_NUMBER),
                    "the same salt, so residents' earlier submissions are still found by card tap");
            String storedSalt = f.rows("SELECT value FROM setting WHERE name = 'applicant_salt'").getFirst().get("value");
            assertFalse(storedSalt.contains(java.util.HexFormat.of().formatHex(salt)), "the salt is sealed too");
            assertThrows(RuntimeException.class, () -> f.execute("UPDATE submission SET body = x'00'"),
                    "the immutability trigger is back");
        }
        assertNothingReadable(diskCopy(file), "after the migration");
        try (StoreFixture again = new StoreFixture(file)) {
            assertEquals(body, new String(again.body("submission", submission.toString()), StandardCharsets.UTF_8),
                    "a second start neither re-encrypts nor makes a new key");
        }
    }

    @Test
    void a_missing_key_file_stops_the_start_naming_the_file_and_no_new_key_is_made() {
        Path file = directory.resolve("onetrip.db");
        try (StoreFixture f = new StoreFixture(file)) {
            f.store.seal(Drafts.draft());
        }
        Path kek = directory.resolve("keys").resolve(FileKeyWrapper.FILE_NAME);
        assertTrue(kek.toFile().delete());

        Database db = new Database(file, java.time.Clock.systemUTC());
        Exception e = assertThrows(Exception.class, db::start);

        assertTrue(e.getMessage().contains(kek.toString()) && e.getMessage().contains("restore"), e.getMessage());
        assertFalse(Files.exists(kek), "never silently a new key");
        assertTrue(db.isFailed());
    }

    @Test
    void a_database_whose_key_another_kind_of_key_store_wrapped_is_refused_naming_both() {
        Path file = directory.resolve("onetrip.db");
        try (StoreFixture f = new StoreFixture(file)) {
            f.store.seal(Drafts.draft());
        }
        KeyWrapper tpm = new KeyWrapper() {
            @Override
            public String kind() {
                return "tpm2";
            }

            @Override
            public byte[] wrap(byte[] dataKey) {
                throw new AssertionError("an existing key is never wrapped anew");
            }

            @Override
            public byte[] unwrap(byte[] wrapped) {
                throw new AssertionError("a key of another kind is not handed to this wrapper");
            }
        };

        Database db = new Database(file, java.time.Clock.systemUTC(), tpm);
        Exception e = assertThrows(Exception.class, db::start);

        assertTrue(e.getMessage().contains("'file'") && e.getMessage().contains("'tpm2'"), e.getMessage());
    }

    private static SubmissionDraft withPhone(SubmissionDraft d, String phone) {
        Map<String, String> fields = new LinkedHashMap<>(d.fields());
        fields.put("phone", phone);
        fields.put("address", ADDRESS);
        return new SubmissionDraft(d.id(), d.taskCode(), d.itemName(), d.itemVersion(), d.regionCode(),
                d.applicantName(), d.applicantIdNumber(), d.applicantMask(), fields, d.delivery(), d.promisedBy(),
                d.stillToBring(), d.attachments(), d.deliveryTo());
    }

    /** Every byte of the database file, its -wal, -shm and -redo, and every file under attachments/, by file. */
    static Map<Path, byte[]> diskCopy(Path db) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal", "-redo"}) {
            Path p = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(p)) {
                files.put(p, Files.readAllBytes(p));
            }
        }
        Path attachments = db.resolveSibling("attachments");
        if (Files.isDirectory(attachments)) {
            try (Stream<Path> walk = Files.walk(attachments)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    files.put(p, Files.readAllBytes(p));
                }
            }
        }
        assertTrue(files.containsKey(db), "the database file itself is read");
        return files;
    }

    private static List<String> secrets() {
        return List.of(NAME, ID_NUMBER, ID_NUMBER.substring(0, 17), BIRTH_DIGITS, AGENCY_NAME, AGENCY_ID, ADDRESS,
                "锦湖路18号", PHONE, COMMENT, COMPLAINT, ATTACHMENT);
    }

    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    private static void assertNothingReadable(Map<Path, byte[]> files, String when) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
            for (String secret : secrets()) {
                for (Charset cs : ENCODINGS) {
                    if (indexOf(file.getValue(), secret.getBytes(cs)) >= 0) {
                        found.add(secret + " (" + cs + ") in " + file.getKey().getFileName());
                    }
                }
            }
        }
        assertEquals(List.of(), found, when + ": " + files.size() + " files read");
    }

    private static boolean containsAny(Map<Path, byte[]> files) {
        return files.values().stream().anyMatch(bytes -> secrets().stream()
                .anyMatch(s -> indexOf(bytes, s.getBytes(StandardCharsets.UTF_8)) >= 0));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
