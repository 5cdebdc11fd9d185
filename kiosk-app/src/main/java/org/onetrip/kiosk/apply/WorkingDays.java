package org.onetrip.kiosk.apply;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Promised dates counted in working days (工作日). Weekends are skipped; public holidays and make-up working
 * days (调休) are not known to the skeleton and will come with the catalog's calendar.
 */
public final class WorkingDays {
    private WorkingDays() {
    }

    public static LocalDate add(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
