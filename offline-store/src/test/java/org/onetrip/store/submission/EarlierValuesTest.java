package org.onetrip.store.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.testing.Drafts;
import org.onetrip.store.testing.StoreFixture;

/** What a sealed submission says is read back for the resident who sealed it: form values and delivery. */
class EarlierValuesTest {
    @TempDir
    Path directory;

    @Test
    void the_latest_form_values_are_the_residents_own_newest_submission() {
        try (StoreFixture fixture = new StoreFixture(directory.resolve("store.db"))) {
            fixture.store.seal(withPhone(Drafts.draft(), "13900000001"));
            fixture.clock.advance(Duration.ofMinutes(1));
            fixture.store.seal(withPhone(Drafts.draft(UUID.randomUUID(), Drafts.OTHER_NAME, Drafts.OTHER_ID_NUMBER),
                    "13900000002"));
            fixture.clock.advance(Duration.ofMinutes(1));
            fixture.store.seal(withPhone(Drafts.draft(), "13900000003"));

            assertEquals("13900000003", fixture.store.latestFormValues(Drafts.ID_NUMBER).orElseThrow().get("phone"));
            assertEquals("13900000002", fixture.store.latestFormValues(Drafts.OTHER_ID_NUMBER).orElseThrow().get("phone"));
            assertEquals("户口迁入", fixture.store.latestFormValues(Drafts.ID_NUMBER).orElseThrow().get("reason"));
            assertEquals(Optional.empty(), fixture.store.latestFormValues("110105194912310021"));
        }
    }

    @Test
    void express_details_are_sealed_in_the_body_and_read_back_for_the_receipt() throws Exception {
        Path file = directory.resolve("store.db");
        UUID express = UUID.randomUUID();
        UUID window = UUID.randomUUID();
        try (StoreFixture fixture = new StoreFixture(file)) {
            fixture.store.seal(Drafts.draft(express).withDeliveryTo(
                    DeliveryDetails.express("安徽省合肥市长丰县水湖镇锦湖社区锦湖路18号", "13905510001")));
            fixture.store.seal(Drafts.draft(window));

            SubmissionStore.Delivery sent = fixture.store.deliveryOf(express).orElseThrow();
            assertEquals("WINDOW", sent.method());
            assertEquals("安徽省合肥市长丰县水湖镇锦湖社区锦湖路18号", sent.to().address());
            assertEquals("139****0001", sent.to().maskedPhone());
            assertTrue(fixture.store.deliveryOf(window).orElseThrow().to().isNone());
            assertEquals(Optional.empty(), fixture.store.deliveryOf(UUID.randomUUID()));
        }
        try (StoreFixture reopened = new StoreFixture(file)) {
            String body = new String(reopened.body("submission", express.toString()), StandardCharsets.UTF_8);
            assertTrue(body.contains("\"deliveryTo\":{\"address\":\"安徽省合肥市长丰县水湖镇锦湖社区锦湖路18号\""), body);
        }
    }

    @Test
    void delivery_details_never_show_the_address_or_phone_in_their_string_form() {
        String shown = DeliveryDetails.express("锦湖路18号", "13905510001").toString();
        assertFalse(shown.contains("锦湖") || shown.contains("0551"), shown);
    }

    private static SubmissionDraft withPhone(SubmissionDraft d, String phone) {
        Map<String, String> fields = new HashMap<>(d.fields());
        fields.put("phone", phone);
        return new SubmissionDraft(d.id(), d.taskCode(), d.itemName(), d.itemVersion(), d.regionCode(),
                d.applicantName(), d.applicantIdNumber(), d.applicantMask(), fields, d.delivery(), d.promisedBy(),
                d.stillToBring());
    }
}
