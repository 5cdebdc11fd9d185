package org.onetrip.kiosk.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.catalog.Delivery;
import org.onetrip.store.catalog.Level;
import org.onetrip.store.catalog.RegionCode;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.region.Division;
import org.onetrip.store.region.Divisions;
import org.onetrip.store.submission.DeliveryDetails;

/**
 * How the result reaches the resident (快递送达): an express address that starts from the card's and is changed
 * only by choosing (township, village from the division lists) and by digits (house number, phone), so nobody
 * has to type Chinese at the kiosk; or the place where they collect it (the village agency point, the hall's
 * window).
 */
public final class DeliveryService {
    private static final Pattern HOUSE = Pattern.compile("^(.*?)(\\d+)号?$");
    private final Divisions divisions;
    private final TerminalConfig config;

    public DeliveryService(Divisions divisions, TerminalConfig config) {
        this.divisions = divisions;
        this.config = config;
    }

    /**
     * An express address in the terminal's county.
     *
     * @param street      what the card says between the village and the house number (a road, a 组), kept only
     *                    while the resident keeps it
     * @param houseNumber digits only, or empty
     */
    public record Address(String county, Division township, Division village, String street, String houseNumber) {
        /** The address as a courier reads it: {@code 安徽省合肥市长丰县水湖镇锦湖社区锦湖路18号}. */
        public String text() {
            return county + shortName(township) + (village == null ? "" : shortName(village)) + street
                    + (houseNumber.isEmpty() ? "" : houseNumber + "号");
        }

        public Address withTownship(Division t) {
            return new Address(county, t, null, "", houseNumber);
        }

        public Address withVillage(Division v) {
            return new Address(county, township, v, street, houseNumber);
        }

        public Address withStreet(String s) {
            return new Address(county, township, village, s, houseNumber);
        }

        public Address withHouseNumber(String digits) {
            return new Address(county, township, village, street, digits);
        }
    }

    /** A division's name as written in an address: 锦湖社区居民委员会 → 锦湖社区, 费岗村民委员会 → 费岗村. */
    public static String shortName(Division d) {
        return d.name().replaceFirst("村民委员会$|村委会$", "村").replaceFirst("居民委员会$|居委会$|办事处$", "");
    }

    /** The townships of the terminal's county, for the pick-list. */
    public List<Division> townships() {
        return county().map(divisions::children).orElse(List.of());
    }

    /** The villages (communities) of {@code township}, for the pick-list. */
    public List<Division> villages(Division township) {
        return township == null ? List.of() : divisions.children(township.code());
    }

    /**
     * The card's address, split into choices: its township and village when the card names them (else the
     * terminal's own), the road or group it names, and the house number.
     */
    public Address fromCard(IdentityCard card) {
        String address = card.address() == null ? "" : card.address().strip();
        String countyText = county().map(c -> c.chain().stream().map(divisions::nameOf)
                .reduce("", String::concat)).orElse("");
        for (Division t : townships()) {
            int at = address.indexOf(shortName(t));
            if (at < 0) {
                continue;
            }
            String rest = address.substring(at + shortName(t).length());
            for (Division v : villages(t)) {
                if (rest.startsWith(shortName(v))) {
                    return split(countyText, t, v, rest.substring(shortName(v).length()));
                }
            }
            return new Address(countyText, t, null, "", "");
        }
        Division t = terminalAt(Level.TOWNSHIP).orElse(townships().isEmpty() ? null : townships().getFirst());
        return new Address(countyText, t, terminalAt(Level.VILLAGE).orElse(null), "", "");
    }

    private static Address split(String county, Division t, Division v, String rest) {
        Matcher m = HOUSE.matcher(rest);
        return m.matches() ? new Address(county, t, v, m.group(1), m.group(2)) : new Address(county, t, v, rest, "");
    }

    /** Where the resident collects the result for a pickup {@code method}; empty for express and online. */
    public String pickupPlace(ServiceItem item, String method) {
        if (Delivery.VILLAGE_POINT.name().equals(method)) {
            return terminalAt(Level.VILLAGE).map(v -> shortName(v) + "代办点").orElse(config.siteName());
        }
        if (Delivery.WINDOW.name().equals(method)) {
            return item.visitPlace() == null || item.visitPlace().isBlank() ? item.department() : item.visitPlace();
        }
        return "";
    }

    /** Problems with an express address and phone, as part to message key; empty when a courier can use them. */
    public Map<String, String> check(Address address, String phone) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (address.township() == null || address.village() == null) {
            problems.put("village", "delivery.problem.village");
        }
        if (address.houseNumber().isEmpty() && address.street().isEmpty()) {
            problems.put("house", "delivery.problem.house");
        }
        if (phone == null || !phone.matches("1\\d{10}")) {
            problems.put("phone", "form.phone");
        }
        return problems;
    }

    /** What is sealed with the submission for {@code method}. */
    public DeliveryDetails details(ServiceItem item, String method, Address address, String phone) {
        if (Delivery.EXPRESS.name().equals(method)) {
            return DeliveryDetails.express(address.text(), phone);
        }
        String place = pickupPlace(item, method);
        return place.isEmpty() ? DeliveryDetails.NONE : DeliveryDetails.pickup(place);
    }

    private Optional<RegionCode> county() {
        RegionCode region = config.region();
        return region.level().ordinal() < Level.COUNTY.ordinal() ? Optional.empty()
                : Optional.of(region.chain().get(Level.COUNTY.ordinal()));
    }

    private Optional<Division> terminalAt(Level level) {
        RegionCode region = config.region();
        return region.level().ordinal() < level.ordinal() ? Optional.empty()
                : divisions.find(region.chain().get(level.ordinal()));
    }
}
