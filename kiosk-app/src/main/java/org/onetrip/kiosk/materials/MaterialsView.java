package org.onetrip.kiosk.materials;

import java.util.ArrayList;
import java.util.List;

import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.apply.FormView;
import org.onetrip.kiosk.camera.BrowserCamera;
import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.kiosk.ui.OneAtATime;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.catalog.Material;
import org.onetrip.store.catalog.ServiceItem;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

/**
 * 申请材料: per material, declare a commitment where the catalog allows it, photograph the paper document with the
 * terminal's camera where there is one, or bring the original to the agency point; then on to the form. The
 * privacy timer pauses while the camera is open and the photo is stored.
 */
@Route(value = "materials", layout = KioskLayout.class)
public class MaterialsView extends VerticalLayout implements HasUrlParameter<String> {
    private final ApplyService apply;
    private final MaterialsService materials;
    private final List<MaterialRow> rows = new ArrayList<>();
    private final PhotoPanel photos;
    private final Paragraph problem = new Paragraph();
    private ServiceItem item;
    private MaterialChoices choices;

    public MaterialsView(ApplyService apply, MaterialsService materials) {
        this.apply = apply;
        this.materials = materials;
        this.photos = new PhotoPanel(materials, this::photographed, () -> cameraAvailable(false));
        addClassName("screen");
    }

    @Override
    public void setParameter(BeforeEvent event, String taskCode) {
        var found = apply.item(taskCode);
        if (ResidentSession.current().card().isEmpty() || found.isEmpty()) {
            event.forwardTo(HomeView.class);
            return;
        }
        item = found.get();
        if (!materials.hasStep(item)) {
            event.forwardTo(FormView.class, item.taskCode());
            return;
        }
        choices = MaterialChoices.current().forItem(item.taskCode());
        removeAll();
        rows.clear();
        Div list = new Div();
        list.addClassName("material-steps");
        var all = materials.rows(item);
        for (int i = 0; i < all.size(); i++) {
            MaterialRow row = new MaterialRow(i, all.get(i), photos::open, choiceFor(i));
            rows.add(row);
            list.add(row);
        }
        OneAtATime.inElderMode(list);
        problem.setId("materials-problem");
        problem.addClassName("problem");
        Button next = new Button(getTranslation("materials.next"), e -> next());
        next.setId("materials-next");
        next.addClassName("primary-action");
        add(new H1(getTranslation("materials.title")), new Paragraph(item.name()), list, photos, problem, next);
        refresh();
        BrowserCamera.probe(this, this::cameraAvailable);
    }

    private void cameraAvailable(boolean present) {
        rows.forEach(r -> r.cameraAvailable(present));
        refresh();
    }

    private void photographed(Material material, AttachmentRef photo) {
        choices.photographed(material.name(), photo);
        refresh();
    }

    private java.util.function.Consumer<MaterialChoices.Choice> choiceFor(int index) {
        return choice -> {
            choices.choose(rows.get(index).material().name(), choice);
            refresh();
        };
    }

    private void refresh() {
        rows.forEach(r -> r.show(choices.choice(r.material().name())));
    }

    private void next() {
        if (rows.stream().anyMatch(r -> r.undecided(choices.choice(r.material().name())))) {
            problem.setText(getTranslation("materials.choose-first"));
            return;
        }
        photos.close();
        getUI().ifPresent(ui -> ui.navigate(FormView.class, item.taskCode()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        photos.close();
    }
}
