package org.onetrip.kiosk.materials;

import java.util.Optional;
import java.util.function.Consumer;

import org.onetrip.store.catalog.Material;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One material on the materials step: its name, what is settled about it, and the buttons for what is left. */
final class MaterialRow extends Div {
    private final MaterialsService.Row row;
    private final Span state = new Span();
    private final Button photo;
    private boolean camera;

    MaterialRow(int index, MaterialsService.Row row, Consumer<Material> onPhoto,
                Consumer<MaterialChoices.Choice> onChoice) {
        this.row = row;
        Material m = row.material();
        addClassName("material-step");
        setId("material-" + index);
        Span name = new Span(m.name());
        name.addClassName("material-name");
        state.addClassName("material-state");
        state.setId("material-state-" + index);
        state.getElement().setAttribute("aria-live", "polite");
        Div actions = new Div();
        actions.addClassName("material-actions");
        if (row.need() == MaterialsService.Need.DECLARE_OR_PROVIDE) {
            Button declare = new Button(getTranslation("materials.declare"),
                    e -> onChoice.accept(MaterialChoices.Choice.DECLARED));
            declare.setId("material-declare-" + index);
            declare.addClassName("primary-action");
            actions.add(declare);
        }
        photo = new Button(getTranslation("materials.photo"), e -> onPhoto.accept(m));
        photo.setId("material-photo-" + index);
        photo.setVisible(false);
        Button bring = new Button(getTranslation("materials.bring"), e -> onChoice.accept(MaterialChoices.Choice.BRING));
        bring.setId("material-bring-" + index);
        if (row.need() != MaterialsService.Need.NOTHING) {
            actions.add(photo, bring);
        }
        add(name, state, actions);
    }

    /** The page has a camera: offer to photograph the document. */
    void cameraAvailable(boolean available) {
        camera = available;
        photo.setVisible(available && row.need() != MaterialsService.Need.NOTHING);
    }

    /** Shows what is settled for this material. */
    void show(Optional<MaterialChoices.Choice> choice) {
        String key = choice.map(c -> switch (c) {
            case PHOTO -> "materials.state.photo";
            case DECLARED -> "materials.state.declared";
            case BRING -> "materials.state.bring";
        }).orElseGet(() -> switch (row.need()) {
            case NOTHING -> "waiver." + row.material().waiver().name();
            case DECLARE_OR_PROVIDE -> "materials.state.choose";
            case PROVIDE -> camera ? "materials.state.photo-or-bring" : "materials.state.bring";
            case OPTIONAL -> "materials.state.optional";
        });
        state.setText(getTranslation(key));
        photo.setText(getTranslation(choice.filter(c -> c == MaterialChoices.Choice.PHOTO).isPresent()
                ? "materials.retake" : "materials.photo"));
        getElement().getClassList().set("settled", choice.isPresent() || row.need() == MaterialsService.Need.NOTHING);
    }

    /** Whether the resident must still choose here before going on (a commitment is possible but not chosen). */
    boolean undecided(Optional<MaterialChoices.Choice> choice) {
        return row.need() == MaterialsService.Need.DECLARE_OR_PROVIDE && choice.isEmpty();
    }

    Material material() {
        return row.material();
    }
}
