package org.onetrip.kiosk.agency;

import org.onetrip.kiosk.agency.staff.StaffService;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;

/**
 * The frame of every staff screen: who is signed in, 代办首页, 退出登录, and the staff idle sign-out instead of the
 * resident privacy timeout (a case takes longer than a resident's errand). Views inside still run
 * {@link StaffSession#require} themselves; the layout guards nothing.
 */
public class AgencyLayout extends Div implements RouterLayout {
    private final Main content = new Main();
    private final Span who = new Span();

    public AgencyLayout(StaffService staff) {
        addClassName("kiosk");
        addClassName("agency");
        who.setId("agency-staff");
        who.addClassName("site");
        Button home = new Button(getTranslation("agency.home"), e -> e.getSource().getUI()
                .ifPresent(ui -> ui.navigate(AgencyHomeView.class)));
        home.setId("agency-home");
        home.addClassName("home-button");
        Button signOut = new Button(getTranslation("agency.sign-out"), e -> e.getSource().getUI()
                .ifPresent(ui -> staff.signOut(ui, "button")));
        signOut.setId("staff-sign-out");
        signOut.addClassName("sign-out-button");
        Header header = new Header(home, who, new StaffIdleGuard(staff), signOut);
        header.addClassName("kiosk-header");
        content.addClassName("kiosk-content");
        add(header, content);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().setTitle(getTranslation("agency.page-title"));
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        who.setText(StaffSession.current().map(s -> getTranslation("agency.staff-line", s.name(),
                getTranslation("agency.role." + s.role().name()))).orElse(""));
        content.removeAll();
        if (view instanceof Component c) {
            content.add(c);
        }
    }
}
