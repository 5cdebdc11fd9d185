package org.onetrip.store.catalog;

import java.util.List;

/**
 * A service item (政务服务事项) as implemented at one region, with the national exchange fields the terminal uses
 * (domain-spec §4: up_task_general_basic / _extend / _material).
 *
 * @param taskCode         实施编码
 * @param catalogCode      基本编码 (12 characters)
 * @param itemType         事项类型 code, e.g. {@code 05} 行政给付, {@code 20} 公共服务
 * @param department       实施主体
 * @param regionCode       the implementing region; the item is offered at every terminal below it
 * @param version          事项版本; a sealed submission names the version it was made under
 * @param projectType      办件类型 (即办件 / 承诺件)
 * @param promiseDays      承诺办结时限, in working days (0: 即办)
 * @param legalDays        法定办结时限, in working days
 * @param visits           到办事现场次数 (0: 不见面)
 * @param fee              是否收费
 * @param acceptConditions 受理条件
 * @param handleFlow       办理流程
 * @param onlineDepth      网上办理深度 codes 1–6
 * @param terminal         是否支持终端办理: the whole application can be made at a terminal
 * @param deliveries       how the result can reach the resident
 * @param visitPlace       where to go when a visit is needed (办理地点); empty when none is
 * @param themes           life events (生育, 上学, 就业, 养老, …) the item is browsed under
 * @param highFrequency    高频事项: shown first
 * @param authorisationSlip filed by an agent, the item needs the resident's signature on a printed authorisation
 *                         slip (委托书); the catalog's {@code authorisationSlip}, which when absent defaults to
 *                         {@link #slipByDefault}
 */
public record ServiceItem(String taskCode, String catalogCode, String name, String itemType, String department,
                          RegionCode regionCode, int version, String projectType, int promiseDays, int legalDays,
                          int visits, boolean fee, String acceptConditions, String handleFlow,
                          List<Integer> onlineDepth, boolean terminal, List<Delivery> deliveries, String visitPlace,
                          List<Material> materials, List<FormField> fields, List<String> themes,
                          boolean highFrequency, boolean authorisationSlip) {
    /** An item as the catalogs before agency mode described it: the slip as {@link #slipByDefault} says. */
    public ServiceItem(String taskCode, String catalogCode, String name, String itemType, String department,
                       RegionCode regionCode, int version, String projectType, int promiseDays, int legalDays,
                       int visits, boolean fee, String acceptConditions, String handleFlow,
                       List<Integer> onlineDepth, boolean terminal, List<Delivery> deliveries, String visitPlace,
                       List<Material> materials, List<FormField> fields, List<String> themes,
                       boolean highFrequency) {
        this(taskCode, catalogCode, name, itemType, department, regionCode, version, projectType, promiseDays,
                legalDays, visits, fee, acceptConditions, handleFlow, onlineDepth, terminal, deliveries, visitPlace,
                materials, fields, themes, highFrequency, slipByDefault(itemType));
    }

    /**
     * Whether an item of {@code itemType} needs a signed slip when the catalog does not say: yes for the
     * administrative powers (事项类型 01–10: an application there has legal effect in the resident's name and the
     * lawful route for an agent is a written 委托), no for 公共服务 (20).
     */
    public static boolean slipByDefault(String itemType) {
        return itemType != null && !itemType.equals("20");
    }

    public ServiceItem {
        projectType = projectType == null ? "" : projectType;
        acceptConditions = acceptConditions == null ? "" : acceptConditions;
        handleFlow = handleFlow == null ? "" : handleFlow;
        visitPlace = visitPlace == null ? "" : visitPlace;
        onlineDepth = List.copyOf(onlineDepth);
        deliveries = List.copyOf(deliveries);
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

    /** 最多跑一次: at most one visit to a counter. */
    public boolean atMostOneVisit() {
        return visits <= 1;
    }

    /** 不见面: no visit at all. */
    public boolean noVisit() {
        return visits == 0;
    }

    /** The 事项类型's name (domain-spec §4.3), or the code itself when unknown. */
    public String itemTypeName() {
        return switch (itemType) {
            case "01" -> "行政许可";
            case "02" -> "行政处罚";
            case "03" -> "行政强制";
            case "04" -> "行政征收";
            case "05" -> "行政给付";
            case "06" -> "行政检查";
            case "07" -> "行政确认";
            case "08" -> "行政奖励";
            case "09" -> "行政裁决";
            case "10" -> "其他行政权力";
            case "20" -> "公共服务";
            default -> itemType;
        };
    }
}
