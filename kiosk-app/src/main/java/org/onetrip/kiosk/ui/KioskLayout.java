package org.onetrip.kiosk.ui;

import java.util.Locale;

import org.onetrip.kiosk.home.HomeView;
import org.onetrip.kiosk.identify.CardTapService;
import org.onetrip.kiosk.panel.HelpDialog;
import org.onetrip.kiosk.panel.PanelEvents;
import org.onetrip.kiosk.voice.VoicePrompts;
import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.kiosk.session.IdleGuard;
import org.onetrip.kiosk.session.IdleService;
import org.onetrip.kiosk.session.ResidentSession;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.sync.SyncEngine;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.shared.Registration;

/**
 * Every screen's frame: the site's name, a large 返回首页 button, the 长辈模式 and language switches, the screen
 * itself, the privacy timeout ({@link IdleGuard}) and, on the home screen, a line saying what does not work. The
 * panel's presence sensor wakes the home screen and keeps a session alive; its help button opens the
 * {@link HelpDialog}; each screen's voice prompt is spoken as it opens ({@link VoicePrompts}).
 */
public class KioskLayout extends Div implements RouterLayout, AfterNavigationObserver {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Main content = new Main();
    private final IdleGuard idle;
    private final StatusLine statusLine;
    private final PanelEvents panel;
    private final VoicePrompts voice;
    private final HelpDialog help = new HelpDialog();
    private Registration panelRegistration;
    private boolean atHome;

    public KioskLayout(TerminalConfig config, IdleService idleService, CardTapService cards, SyncEngine sync,
                       ReceiptService receipts, PanelEvents panel, VoicePrompts voice) {
        this.panel = panel;
        this.voice = voice;
        addClassName("kiosk");
        Span site = new Span(config.siteName());
        site.addClassName("site");
        org.onetrip.kiosk.technician.TechnicianGesture.attach(site); // hidden: 5 taps open technician mode (PIN)
        Button home = new Button(getTranslation("layout.home"), e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate(HomeView.class)));
        home.setId("go-home");
        home.addClassName("home-button");
        boolean elder = ElderMode.isOn();
        Button elderSwitch = new Button(getTranslation(elder ? "elder.off" : "elder.on"), e -> switchElderMode());
        elderSwitch.setId("switch-elder");
        elderSwitch.addClassName("elder-button");
        elderSwitch.getElement().setAttribute("aria-pressed", String.valueOf(elder));
        Button language = new Button(getTranslation("layout.other-language"), e -> switchLanguage());
        language.setId("switch-language");
        language.addClassName("language-button");
        language.getElement().setAttribute("lang", getLocale().getLanguage().equals("zh") ? "en" : "zh-CN");
        Header header = new Header(home, site, elderSwitch, language);
        header.addClassName("kiosk-header");
        content.addClassName("kiosk-content");
        statusLine = new StatusLine(sync, receipts, cards);
        idle = new IdleGuard(idleService, cards);
        idle.addTickListener(statusLine::refresh);
        add(header, statusLine, content, idle, help);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ElderMode.apply(ui);
        ui.getPage().setTitle(getTranslation("layout.page-title"));
        ui.getPage().executeJs("document.documentElement.lang = $0", getLocale().getLanguage().equals("zh")
                ? "zh-CN" : "en");
        panelRegistration = panel.subscribe(ui, this::presence, this::helpPressed);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (panelRegistration != null) {
            panelRegistration.remove();
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        content.getChildren().findFirst().ifPresent(view -> voice.announce(UI.getCurrent(), view));
    }

    /** Someone stepped up (wake the home screen, and count it as a touch) or left (home dims when untouched). */
    private void presence(boolean here) {
        if (here) {
            idle.timer().activity();
            getElement().getClassList().remove("asleep");
        } else if (atHome && !ResidentSession.hasTraces()) {
            getElement().getClassList().add("asleep");
        }
    }

    private void helpPressed() {
        idle.timer().activity();
        help.open();
        voice.say(UI.getCurrent(), help.voicePrompt());
    }

    private void switchElderMode() {
        UI ui = UI.getCurrent();
        ElderMode.set(ui, !ElderMode.isOn());
        ui.getPage().reload();
    }

    private void switchLanguage() {
        UI ui = UI.getCurrent();
        Locale next = CHINESE.getLanguage().equals(ui.getLocale().getLanguage()) ? ENGLISH : CHINESE;
        ui.getSession().setLocale(next);
        ResidentSession.current().touch();
        ui.getPage().reload();
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        if (view instanceof Component c) {
            content.add(c);
        }
        atHome = view instanceof HomeView;
        getElement().getClassList().remove("asleep");
        idle.setAtHome(atHome);
        statusLine.setActive(atHome);
    }
}
