package org.onetrip.hardware.idcard;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a second-generation resident ID card holds in its text block (GA/T 490), decoded and validated.
 * The photo stays with the reader driver as raw WLT and is not part of this record.
 *
 * @param validUntil the end of validity, or empty for a long-term (长期) card
 */
public record IdentityCard(CardType type, String name, String sex, String nation, LocalDate birthDate,
                           String address, String idNumber, String issuer, LocalDate validFrom,
                           Optional<LocalDate> validUntil) {
    public IdentityCard {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idNumber, "idNumber");
        validUntil = validUntil == null ? Optional.empty() : validUntil;
        if (type == CardType.RESIDENT && !IdNumbers.isValid(idNumber)) {
            throw new IllegalArgumentException("ID number fails its GB 11643 check character");
        }
    }

    public String maskedIdNumber() {
        return IdNumbers.mask(idNumber);
    }

    public String maskedName() {
        return IdNumbers.maskName(name);
    }

    /** Never prints the resident's data: records end up in logs through careless string concatenation. */
    @Override
    public String toString() {
        return "IdentityCard[" + type + ", " + maskedIdNumber() + "]";
    }

    public enum CardType {
        /** 居民身份证 */
        RESIDENT,
        /** 外国人永久居留身份证 (2017 layout, type flag 'I') */
        FOREIGN_PERMANENT_RESIDENT
    }
}
