package org.onetrip.hardware.idcard;

/**
 * Resident ID numbers (GB 11643-1999): the ISO 7064 MOD 11-2 check character, and the masked form shown on
 * screen and paper ({@code 340121********123X}: the region and the last four, nothing of the birth date).
 */
public final class IdNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() < 17) {
            throw new IllegalArgumentException("need 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at position " + (i + 1));
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** True for 17 digits followed by the right check character (an 'x' is read as 'X'). */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 18 || !id.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == checkCharacter(id);
    }

    /** {@code 340121********123X}; anything that is not 18 characters long is masked whole. */
    public static String mask(String id) {
        if (id == null || id.length() != 18) {
            return "*".repeat(id == null ? 0 : id.length());
        }
        return id.substring(0, 6) + "********" + id.substring(14).toUpperCase();
    }

    /** A name with all but its first and (for three or more characters) last character hidden: 王*兰, 张*. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return name.strip();
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        sb.append("*".repeat(Math.max(1, cps.length - 2)));
        if (cps.length > 2) {
            sb.appendCodePoint(cps[cps.length - 1]);
        }
        return sb.toString();
    }
}
