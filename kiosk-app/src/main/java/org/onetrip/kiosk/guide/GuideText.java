package org.onetrip.kiosk.guide;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.onetrip.store.catalog.ServiceItem;

/** The guide's short phrases, shared by the screen and the printout. */
final class GuideText {
    private GuideText() {
    }

    static String promise(ResourceBundle t, ServiceItem i) {
        return i.promiseDays() == 0 ? t.getString("guide.promise.now")
                : MessageFormat.format(t.getString("guide.promise.days"), i.promiseDays(), i.legalDays());
    }

    static String visits(ResourceBundle t, ServiceItem i) {
        return i.visits() == 0 ? t.getString("guide.visits.none")
                : MessageFormat.format(t.getString("guide.visits.count"), i.visits());
    }

    static String deliveries(ResourceBundle t, ServiceItem i) {
        return i.deliveries().stream().map(d -> t.getString("guide.delivery." + d.name()))
                .collect(Collectors.joining("；"));
    }
}
