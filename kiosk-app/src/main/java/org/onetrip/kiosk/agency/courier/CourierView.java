package org.onetrip.kiosk.agency.courier;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.onetrip.kiosk.agency.StaffRole;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.kiosk.agency.AgencyLayout;
import org.onetrip.store.courier.CourierException;
import org.onetrip.store.courier.CourierStore;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/** U盘传递: export pending submissions to the removable medium; import another terminal's bundle from it. */
@Route(value = "agency/courier", layout = AgencyLayout.class)
public class CourierView extends VerticalLayout implements BeforeEnterObserver {
    private final CourierService courier;
    private final TextField directory = new TextField();
    private final Paragraph pending = new Paragraph();
    private final Div result = new Div();
    private final VerticalLayout bundles = new VerticalLayout();
    private StaffSession staff;

    public CourierView(CourierService courier) {
        this.courier = courier;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        StaffSession.require(event, StaffRole.AGENT).ifPresent(this::render);
    }

    private void render(StaffSession signedIn) {
        this.staff = signedIn;
        addClassNames("screen", "agency", "courier");
        directory.setLabel(getTranslation("courier.directory"));
        directory.setId("courier-directory");
        directory.setValue(courier.defaultDirectory().toString());
        directory.setWidthFull();
        directory.addValueChangeListener(e -> refresh());
        pending.setId("courier-pending");
        result.setId("courier-result");
        bundles.setId("courier-bundles");
        bundles.setPadding(false);
        Button export = new Button(getTranslation("courier.export"), e -> export());
        export.setId("courier-export");
        add(new H1(getTranslation("courier.title")), new Paragraph(getTranslation("courier.explain")), directory,
                pending, export, result, new H2(getTranslation("courier.on-medium")), bundles);
        refresh();
    }

    private void export() {
        dir().ifPresent(d -> {
            try {
                CourierStore.Exported done = courier.export(d, staff.staffId());
                show(false, getTranslation("courier.exported", done.submissions(), done.attachments(),
                        done.file().getFileName()), "");
            } catch (CourierException e) {
                show(true, getTranslation("courier.export-failed"), e.getMessage());
            }
            refresh();
        });
    }

    private void importBundle(Path file) {
        try {
            CourierStore.Imported done = courier.importBundle(file, staff.staffId());
            show(false, getTranslation("courier.imported", done.queued(), done.alreadyHere(), done.originTerminal()), "");
        } catch (CourierException e) {
            show(true, getTranslation("courier.import-refused"), e.getMessage());
        }
        refresh();
    }

    private void show(boolean problem, String text, String detail) {
        result.removeAll();
        result.setClassName("problem", problem);
        result.add(new Paragraph(text));
        if (!detail.isEmpty()) {
            Span technical = new Span(detail);
            technical.addClassName("technical");
            result.add(technical);
        }
    }

    private java.util.Optional<Path> dir() {
        try {
            return java.util.Optional.of(Path.of(directory.getValue().strip()));
        } catch (InvalidPathException e) {
            show(true, getTranslation("courier.bad-directory"), e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void refresh() {
        pending.setText(getTranslation("courier.pending", courier.pendingCount()));
        bundles.removeAll();
        dir().ifPresent(d -> {
            java.util.List<Path> files;
            try {
                files = courier.bundles(d);
            } catch (CourierException e) {
                show(true, getTranslation("courier.bad-directory"), e.getMessage());
                return;
            }
            if (files.isEmpty()) {
                bundles.add(new Paragraph(getTranslation("courier.none")));
            }
            for (Path f : files) {
                Button b = new Button(getTranslation("courier.import", f.getFileName()), e -> importBundle(f));
                b.setId("courier-import-" + files.indexOf(f));
                bundles.add(b);
            }
        });
    }
}
