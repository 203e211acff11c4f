package org.yiwang.enforcement;

import java.util.List;

/** A kind of place inspected jointly (工地, 餐饮, 出租房, 商铺, 夜市 …) with its checklist and the items usually concerned. */
public record Scenario(String code, String nameZh, String nameEn, List<String> checklist, List<String> itemCodes) {

    public Scenario {
        checklist = List.copyOf(checklist);
        itemCodes = List.copyOf(itemCodes);
    }

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
