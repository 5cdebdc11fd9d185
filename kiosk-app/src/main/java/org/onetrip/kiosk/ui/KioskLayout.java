package org.onetrip.kiosk.ui;

import java.util.Locale;

import org.onetrip.kiosk.home.HomeView;
import org.onetrip.provisioning.config.TerminalConfig;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;

/** Every screen's frame: the site's name, a large 返回首页 button, the language switch, and the screen itself. */
public class KioskLayout extends Div implements RouterLayout {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Main content = new Main();

    public KioskLayout(TerminalConfig config) {
        addClassName("kiosk");
        Span site = new Span(config.siteName());
        site.addClassName("site");
        org.onetrip.kiosk.technician.TechnicianGesture.attach(site); // hidden: 5 taps open technician mode (PIN)
        Button home = new Button(getTranslation("layout.home"), e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate(HomeView.class)));
        home.setId("go-home");
        home.addClassName("home-button");
        Button language = new Button(getTranslation("layout.other-language"), e -> switchLanguage());
        language.setId("switch-language");
        language.addClassName("language-button");
        Header header = new Header(home, site, language);
        header.addClassName("kiosk-header");
        content.addClassName("kiosk-content");
        add(header, content);
    }

    private void switchLanguage() {
        UI ui = UI.getCurrent();
        Locale next = CHINESE.getLanguage().equals(ui.getLocale().getLanguage()) ? ENGLISH : CHINESE;
        ui.getSession().setLocale(next);
        ui.getPage().reload();
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        if (view instanceof Component c) {
            content.add(c);
        }
    }
}
