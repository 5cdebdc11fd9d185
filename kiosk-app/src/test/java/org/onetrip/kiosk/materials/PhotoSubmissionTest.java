package org.onetrip.kiosk.materials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.DemoCards;
import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.apply.ProvidedMaterials;
import org.onetrip.kiosk.scan.Pictures;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.catalog.FormField;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionStore;

/**
 * A photo taken on the materials step, all the way into the sealed submission: staged by its hash, referred to by
 * the submission, waiting for upload before it, and off the list of what to bring.
 */
class PhotoSubmissionTest {
    private static final IdentityCard WANG = DemoCards.all().get(0);

    @TempDir
    static Path dir;
    private static KioskApplication app;

    @BeforeAll
    static void start() throws Exception {
        app = KioskApplication.demo(KioskApplication.DemoSettings.of(0, dir), Clock.system(KioskApplication.CHINA));
        app.start();
        app.intake().stop(); // offline: nothing is uploaded while we look
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
    }

    @Test
    void a_photographed_material_is_sealed_as_an_attachment_and_need_not_be_brought() throws Exception {
        MaterialsService materials = app.services().get(MaterialsService.class);
        ApplyService apply = app.services().get(ApplyService.class);
        ServiceItem item = apply.item(MaterialsViewTest.LEGAL_AID).orElseThrow();
        byte[] jpeg = Pictures.encode(Pictures.photo("案件材料第一页", 640, 480, 3, 7), "jpg");

        AttachmentRef photo = materials.stagePhoto(jpeg).orElseThrow();
        assertTrue(Files.exists(app.services().get(SubmissionStore.class).attachments().path(photo.sha256())));
        assertArrayEquals(jpeg, app.services().get(SubmissionStore.class).attachments().read(photo.sha256()));

        var submitted = apply.submit(WANG, item, complete(apply, item), "WINDOW",
                new ProvidedMaterials(Map.of("与案件有关的材料", photo), Set.of("家庭收入、财产情况声明"), Set.of()));
        assertEquals(List.of(), submitted.sealed().stillToBring(), "photographed and declared: nothing to bring");
        assertEquals(List.of(photo), new Outbox(app.services().get(SubmissionStore.class))
                .attachmentsToUpload(submitted.sealed().id()), "uploaded before the submission");
    }

    @Test
    void a_material_the_resident_chose_to_bring_is_on_the_receipt_list() {
        ApplyService apply = app.services().get(ApplyService.class);
        ServiceItem item = apply.item(MaterialsViewTest.LEGAL_AID).orElseThrow();
        var submitted = apply.submit(WANG, item, complete(apply, item), "WINDOW",
                new ProvidedMaterials(Map.of(), Set.of(), Set.of("家庭收入、财产情况声明")));
        assertEquals(List.of("家庭收入、财产情况声明", "与案件有关的材料"), submitted.sealed().stillToBring());
    }

    @Test
    void what_is_not_a_jpeg_of_a_document_is_refused() {
        MaterialsService materials = app.services().get(MaterialsService.class);
        assertEquals(Optional.empty(), materials.stagePhoto(new byte[] {1, 2, 3}));
        assertEquals(Optional.empty(), materials.stagePhoto(new byte[MaterialsService.MIN_PHOTO_BYTES]));
        byte[] tiny = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0};
        assertEquals(Optional.empty(), materials.stagePhoto(tiny), "a black frame is no document");
    }

    private static Map<String, String> complete(ApplyService apply, ServiceItem item) {
        Map<String, String> values = new LinkedHashMap<>(apply.prefill(item, WANG));
        for (FormField f : item.fields()) {
            if (values.getOrDefault(f.key(), "").isEmpty()) {
                values.put(f.key(), "phone".equals(f.key()) ? "13905510001"
                        : !f.choices().isEmpty() ? f.choices().getFirst()
                        : "digits".equals(f.input()) ? "1" : "案件");
            }
        }
        assertEquals(Map.of(), apply.check(item, values));
        return values;
    }
}
