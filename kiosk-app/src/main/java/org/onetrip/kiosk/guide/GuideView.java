package org.onetrip.kiosk.guide;

import java.util.Locale;
import java.util.ResourceBundle;

import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.kiosk.ui.KioskLayout;
import org.onetrip.store.catalog.ServiceItem;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

/** An item's 办事指南, personal where the card was read; print it, or go on to apply. */
@Route(value = "guide", layout = KioskLayout.class)
public class GuideView extends VerticalLayout implements HasUrlParameter<String> {
    private final GuideService guides;
    private final Paragraph printResult = new Paragraph();

    public GuideView(GuideService guides) {
        this.guides = guides;
        addClassName("screen");
        addClassName("guide");
    }

    @Override
    public void setParameter(BeforeEvent event, String taskCode) {
        var found = guides.item(taskCode);
        if (found.isEmpty()) {
            event.forwardTo(HomeView.class);
            return;
        }
        ServiceItem item = found.get();
        var card = ResidentSession.current().card();
        GuideService.Guide guide = guides.guide(item, card);
        ResourceBundle t = ResourceBundle.getBundle("vaadin-i18n.translations",
                getLocale() == null ? Locale.SIMPLIFIED_CHINESE : getLocale());
        removeAll();
        Div facts = new Div(fact("guide.department", item.department()), fact("guide.type", item.itemTypeName()),
                fact("guide.promise", GuideText.promise(t, item)),
                fact("guide.fee", getTranslation(item.fee() ? "guide.fee.yes" : "guide.fee.no")),
                fact("guide.visits", GuideText.visits(t, item)));
        if (item.visits() > 0 && !item.visitPlace().isEmpty()) {
            facts.add(fact("guide.where", item.visitPlace()));
        }
        facts.addClassName("guide-facts");
        Div materials = new Div(new H2(getTranslation("guide.materials")));
        materials.addClassName("materials");
        guide.materials().forEach(line -> materials.add(material(line)));
        printResult.setId("guide-print-result");
        add(new H1(getTranslation("guide.title") + "：" + item.name()), facts,
                section("guide.conditions", item.acceptConditions()), section("guide.flow", item.handleFlow()),
                materials, section("guide.delivery", GuideText.deliveries(t, item)), actions(guide, card.isPresent()),
                printResult);
    }

    private Component fact(String key, String value) {
        Span label = new Span(getTranslation(key));
        label.addClassName("guide-label");
        Span v = new Span(value);
        v.addClassName("guide-value");
        Div row = new Div(label, v);
        row.addClassName("guide-fact");
        return row;
    }

    private Component section(String key, String text) {
        Div box = new Div(new H2(getTranslation(key)), new Paragraph(text));
        box.addClassName("guide-section");
        return box;
    }

    private Component material(GuideService.MaterialLine line) {
        Span how = new Span(getTranslation(line.status().key()));
        how.addClassName(line.status().mustBring() ? "bring" : "waived");
        Div row = new Div(new Span(line.material().name()), how);
        row.addClassName("material");
        return row;
    }

    private Component actions(GuideService.Guide guide, boolean resident) {
        Button print = new Button(getTranslation("guide.print"), e -> {
            try (var busy = org.onetrip.kiosk.session.IdleGuard.busy(e.getSource().getUI().orElse(null))) {
                printResult.setText(getTranslation(guides.print(guide).orElse("guide.printed")));
            }
        });
        print.setId("guide-print");
        Button back = new Button(getTranslation("guide.back"), e -> e.getSource().getUI().ifPresent(ui ->
                ui.navigate(resident ? "items" : "")));
        back.setId("guide-back");
        Div actions = new Div(back, print);
        if (resident && guide.item().terminal()) {
            Button apply = new Button(getTranslation("guide.apply"), e -> e.getSource().getUI().ifPresent(ui ->
                    ui.navigate(org.onetrip.kiosk.materials.MaterialsView.class, guide.item().taskCode())));
            apply.setId("guide-apply");
            apply.addClassName("primary-action");
            actions.add(apply);
        }
        actions.addClassName("actions");
        return actions;
    }
}
