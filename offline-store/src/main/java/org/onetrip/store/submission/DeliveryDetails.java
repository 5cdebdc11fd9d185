package org.onetrip.store.submission;

/**
 * Where the result of a submission goes, beyond the method ({@code EXPRESS}, {@code VILLAGE_POINT},
 * {@code WINDOW}, {@code ONLINE}): the express address and phone the resident confirmed at the kiosk, or the
 * place where they will collect it. Empty strings where a part does not apply; {@link #NONE} when nothing was
 * said beyond the method.
 *
 * @param address the postal address for express delivery, e.g. {@code 安徽省合肥市长丰县水湖镇锦湖社区锦湖路18号}
 * @param phone   the phone the courier calls, 11 digits, or empty
 * @param place   the pickup place (village agency point or hall window), or empty
 */
public record DeliveryDetails(String address, String phone, String place) {
    public static final DeliveryDetails NONE = new DeliveryDetails("", "", "");

    public DeliveryDetails {
        address = address == null ? "" : address.strip();
        phone = phone == null ? "" : phone.strip();
        place = place == null ? "" : place.strip();
    }

    public static DeliveryDetails express(String address, String phone) {
        return new DeliveryDetails(address, phone, "");
    }

    public static DeliveryDetails pickup(String place) {
        return new DeliveryDetails("", "", place);
    }

    public boolean isNone() {
        return address.isEmpty() && phone.isEmpty() && place.isEmpty();
    }

    /** The phone as printed on paper: {@code 139****0001}. */
    public String maskedPhone() {
        return phone.length() == 11 ? phone.substring(0, 3) + "****" + phone.substring(7) : phone;
    }

    /** Never the address or phone: this may reach a log. */
    @Override
    public String toString() {
        return isNone() ? "DeliveryDetails[none]" : "DeliveryDetails[address=" + !address.isEmpty() + ", phone="
                + !phone.isEmpty() + ", place=" + !place.isEmpty() + "]";
    }
}
