package org.onetrip.kiosk.agency.staff;

import java.util.Optional;

import org.onetrip.kiosk.agency.StaffSession;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouterLink;

/** The discreet 工作人员 link of the home screen; it leads only to the sign-in page. */
public final class StaffLink {
    private StaffLink() {
    }

    /** The link, at sites with agency mode (village points, township halls); nothing at a public kiosk. */
    public static Optional<Component> forHome(StaffService staff) {
        if (!staff.agencySite()) {
            return Optional.empty();
        }
        RouterLink link = new RouterLink();
        link.setRoute(SignInView.class);
        link.setText(link.getTranslation("agency.staff-link"));
        link.setId("staff-link");
        link.addClassName("staff-link");
        return Optional.of(link);
    }
}
