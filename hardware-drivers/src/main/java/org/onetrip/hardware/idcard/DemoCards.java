package org.onetrip.hardware.idcard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Made-up residents of 长丰县 for demo mode and tests. Their numbers carry correct check characters and a
 * region prefix of 长丰县 but belong to nobody.
 */
public final class DemoCards {
    private DemoCards() {
    }

    public static List<IdentityCard> all() {
        return List.of(
                card("王秀兰", "女", LocalDate.of(1948, 3, 12), "002", "安徽省合肥市长丰县水湖镇锦湖社区锦湖路18号"),
                card("李建国", "男", LocalDate.of(1962, 10, 1), "031", "安徽省合肥市长丰县水湖镇锦湖社区长丰路6号"),
                card("陈思雨", "女", LocalDate.of(1995, 7, 26), "124", "安徽省合肥市长丰县水湖镇水湖社区双墩路9号"));
    }

    private static IdentityCard card(String name, String sex, LocalDate birth, String sequence, String address) {
        String first17 = "340121" + birth.toString().replace("-", "") + sequence;
        String id = first17 + IdNumbers.checkCharacter(first17);
        LocalDate from = LocalDate.of(2016, 5, 20);
        Optional<LocalDate> until = birth.isBefore(LocalDate.of(1970, 1, 1)) ? Optional.empty()
                : Optional.of(from.plusYears(20));
        return new IdentityCard(IdentityCard.CardType.RESIDENT, name, sex, "汉", birth, address, id,
                "长丰县公安局", from, until);
    }
}
