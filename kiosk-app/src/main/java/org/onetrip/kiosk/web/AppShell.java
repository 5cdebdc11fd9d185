package org.onetrip.kiosk.web;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.AppShellSettings;

/** The page shell: server push (device events reach the screen at once), the kiosk's stylesheet, the viewport. */
@Push
@StyleSheet("styles/kiosk.css")
@Viewport("width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("OneTrip 政务服务自助终端");
        settings.addInlineWithContents(Inline.Position.APPEND, "<meta name=\"robots\" content=\"noindex\">",
                Inline.Wrapping.NONE);
    }
}
