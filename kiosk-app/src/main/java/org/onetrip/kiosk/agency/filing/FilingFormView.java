package org.onetrip.kiosk.agency.filing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.onetrip.kiosk.agency.AgencyLayout;
import org.onetrip.kiosk.agency.StaffRole;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.store.catalog.FormField;
import org.onetrip.store.catalog.Material;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/**
 * 代办填表: the item's form, prefilled from the resident's card and typed by the agent (the system keyboard; free
 * text is fine here), a note, and each material photographed or scanned with 已与原件核对 (trust C→B). Submit
 * seals the case for the resident.
 */
@Route(value = "agency/file/form", layout = AgencyLayout.class)
public class FilingFormView extends VerticalLayout implements BeforeEnterObserver {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FilingFormView.class);
    /** A phone photo or a 300 dpi A4 scan fits; anything larger is refused by the upload before it is stored. */
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    private final FilingService filing;
    private final Map<String, TextField> inputs = new LinkedHashMap<>();
    private final RadioButtonGroup<String> delivery = new RadioButtonGroup<>();
    private final Paragraph problem = new Paragraph();
    private FilingCase filed;

    public FilingFormView(FilingService filing) {
        this.filing = filing;
        addClassName("screen");
        addClassName("agency-form");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        inputs.clear();
        if (StaffSession.require(event, StaffRole.AGENT).isEmpty()) {
            return;
        }
        filed = FilingCase.current().filter(FilingCase::slipSigned).orElse(null);
        if (filed == null) {
            event.forwardTo(FilingItemsView.class);
            return;
        }
        Map<String, String> values = filing.apply().prefill(filed.item(), filed.resident());
        Div form = new Div();
        form.addClassName("form");
        for (FormField f : filed.item().fields()) {
            TextField input = new TextField(f.label());
            input.setId("field-" + f.key());
            input.setRequiredIndicatorVisible(f.required());
            boolean idNumber = "card.idNumber".equals(f.prefill());
            input.setValue(idNumber ? filed.resident().maskedIdNumber() : values.getOrDefault(f.key(), ""));
            input.setReadOnly(idNumber || "card.name".equals(f.prefill()));
            if (!idNumber) {
                inputs.put(f.key(), input);
            }
            form.add(input);
        }
        TextArea note = new TextArea(getTranslation("agency.form.note"));
        note.setId("field-" + FilingService.NOTE_FIELD);
        note.setMaxLength(500);
        var offered = filed.item().deliveries().stream().map(Enum::name).toList();
        delivery.setLabel(getTranslation("form.delivery"));
        delivery.setItems(offered);
        delivery.setItemLabelGenerator(d -> getTranslation("delivery." + d));
        delivery.setValue(offered.getFirst());
        problem.setId("agency-form-problem");
        problem.addClassName("problem");
        Button submit = new Button(getTranslation("agency.form.submit"), e -> submit(note.getValue()));
        submit.setId("agency-submit");
        submit.addClassName("primary-action");
        add(new H1(filed.item().name()), new Paragraph(getTranslation("agency.form.for", filed.resident().maskedName(),
                filed.resident().maskedIdNumber())), form, note, materials(), delivery, problem, submit);
    }

    private Div materials() {
        Div box = new Div(new H2(getTranslation("form.materials")));
        box.addClassName("materials");
        int i = 0;
        for (Material m : filed.item().toBring()) {
            Checkbox checked = new Checkbox(getTranslation("agency.material.checked"));
            checked.setId("material-checked-" + i);
            Span state = new Span(getTranslation("agency.material.none"));
            state.setId("material-state-" + i);
            Upload upload = new Upload(event -> {
                var ref = filing.stage(filed, m.name(), event.getInputStream(), event.getContentType(),
                        Boolean.TRUE.equals(checked.getValue()));
                event.getUI().access(() -> state.setText(getTranslation("agency.material.have",
                        ref.size() / 1024 + 1)));
            });
            upload.setId("material-upload-" + i);
            upload.setMaxFiles(1);
            upload.setMaxFileSize(MAX_FILE_BYTES);
            upload.setAcceptedFileTypes("image/*", "application/pdf");
            checked.addValueChangeListener(e -> filing.checked(filed, m.name(), e.getValue()));
            Div row = new Div(new Span(m.name()), upload, checked, state);
            row.addClassName("material");
            box.add(row);
            i++;
        }
        return box;
    }

    private void submit(String note) {
        Map<String, String> values = filing.apply().prefill(filed.item(), filed.resident());
        inputs.forEach((key, input) -> values.put(key, input.getValue().strip()));
        Map<String, String> problems = filing.apply().check(filed.item(), values);
        inputs.forEach((key, input) -> {
            input.setInvalid(problems.containsKey(key));
            input.setErrorMessage(problems.containsKey(key) ? getTranslation(problems.get(key)) : null);
        });
        if (!problems.isEmpty()) {
            problem.setText(getTranslation("agency.form.fix"));
            return;
        }
        values.put(FilingService.NOTE_FIELD, note);
        FilingService.Filed done;
        try {
            done = filing.submit(filed, values, delivery.getValue());
        } catch (RuntimeException e) {
            log.error("agency filing of authorisation[{}] not sealed", filed.authorisation().id(), e);
            problem.setText(getTranslation("agency.form.not-sealed"));
            return;
        }
        UI.getCurrent().navigate(FilingDoneView.class, done.sealed().id().toString());
    }
}
