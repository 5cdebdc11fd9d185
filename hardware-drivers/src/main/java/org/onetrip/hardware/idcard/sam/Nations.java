package org.onetrip.hardware.idcard.sam;

import java.util.Optional;

/** GB 3304 nation codes as stored on the card (domain-spec §1.6): the short name, "汉" not "汉族". */
public final class Nations {
    private static final String[] NAMES = {
            "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
            "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
            "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
            "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
            "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
            "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"};

    private Nations() {
    }

    /** The name for a two-digit code ("01" → 汉), or empty for a code outside GB 3304. */
    public static Optional<String> name(String code) {
        if (code == null || !code.matches("\\d{2}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(code);
        if (n >= 1 && n <= NAMES.length) {
            return Optional.of(NAMES[n - 1]);
        }
        return switch (n) {
            case 97 -> Optional.of("其他");
            case 98 -> Optional.of("外国血统中国籍人士");
            default -> Optional.empty();
        };
    }
}
