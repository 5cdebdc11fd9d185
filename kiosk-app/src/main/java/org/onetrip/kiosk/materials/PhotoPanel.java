package org.onetrip.kiosk.materials;

import java.util.Optional;
import java.util.function.BiConsumer;

import org.onetrip.kiosk.camera.BrowserCamera;
import org.onetrip.kiosk.session.IdleGuard;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.catalog.Material;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The camera's preview for photographing one material, with 拍这张 and 取消. While it is open, and while the
 * photo is stored, the privacy timer is paused; it resumes (with the full wait) when the panel closes.
 */
final class PhotoPanel extends Div {
    private final MaterialsService materials;
    private final BiConsumer<Material, AttachmentRef> onPhoto;
    private final Runnable onNoCamera;
    private final Paragraph problem = new Paragraph();
    private BrowserCamera camera;
    private Material material;
    private IdleGuard.Busy busy;

    PhotoPanel(MaterialsService materials, BiConsumer<Material, AttachmentRef> onPhoto, Runnable onNoCamera) {
        this.materials = materials;
        this.onPhoto = onPhoto;
        this.onNoCamera = onNoCamera;
        setId("camera-panel");
        addClassName("camera-panel");
        problem.setId("camera-problem");
        problem.addClassName("problem");
        setVisible(false);
    }

    void open(Material which) {
        close();
        material = which;
        busy = IdleGuard.busy(UI.getCurrent());
        camera = BrowserCamera.forPhotos().onUnavailable(reason -> {
            close();
            onNoCamera.run();
        }).onClosed(this::close);
        camera.setId("material-camera");
        Button take = new Button(getTranslation("materials.take"), e -> camera.takePhoto(this::taken));
        take.setId("camera-take");
        take.addClassName("primary-action");
        Button cancel = new Button(getTranslation("materials.cancel"), e -> close());
        cancel.setId("camera-cancel");
        Div actions = new Div(take, cancel);
        actions.addClassName("actions");
        problem.setText("");
        add(new H2(getTranslation("materials.camera-title", which.name())),
                new Paragraph(getTranslation("materials.camera-hint")), camera, problem, actions);
        setVisible(true);
        getElement().executeJs("this.scrollIntoView({block: 'start'})");
    }

    boolean isOpen() {
        return material != null;
    }

    private void taken(Optional<byte[]> jpeg) {
        if (material == null) {
            return;
        }
        Optional<AttachmentRef> staged = jpeg.flatMap(materials::stagePhoto);
        if (staged.isEmpty()) {
            problem.setText(getTranslation("materials.photo-failed"));
            return;
        }
        Material done = material;
        close();
        onPhoto.accept(done, staged.get());
    }

    void close() {
        if (camera != null) {
            camera.stop();
            camera = null;
        }
        removeAll();
        setVisible(false);
        material = null;
        if (busy != null) {
            busy.close();
            busy = null;
        }
    }
}
