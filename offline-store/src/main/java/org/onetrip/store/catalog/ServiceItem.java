package org.onetrip.store.catalog;

import java.util.List;

/**
 * A service item (政务服务事项) as implemented at one region, with the national exchange fields the terminal uses.
 *
 * @param taskCode     实施编码
 * @param catalogCode  基本编码 (12 characters)
 * @param itemType     事项类型 code, e.g. {@code 05} 行政给付, {@code 20} 公共服务
 * @param department   实施主体
 * @param regionCode   the implementing region; the item is offered at every terminal below it
 * @param promiseDays  承诺办结时限, in working days
 * @param visits       到办事现场次数 (0: 不见面)
 */
public record ServiceItem(String taskCode, String catalogCode, String name, String itemType, String department,
                          RegionCode regionCode, int version, int promiseDays, int visits, boolean fee,
                          String acceptConditions, List<Material> materials, List<FormField> fields,
                          List<String> themes, boolean highFrequency) {
    public ServiceItem {
        materials = List.copyOf(materials);
        fields = List.copyOf(fields);
        themes = List.copyOf(themes);
    }

    public Level level() {
        return regionCode.level();
    }

    /** Materials the resident must still bring in person. */
    public List<Material> toBring() {
        return materials.stream().filter(Material::mustBeBrought).toList();
    }
}
