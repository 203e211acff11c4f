package org.yiwang.enforcement;

import org.jspecify.annotations.Nullable;
import org.yiwang.platform.LocalizedException;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * 登记 — one record of a campaign at a grid: a returning person (name, phone, where from, the route, the day of
 * arrival, symptoms) or a site (its name and hazard). Which fields are required follows the campaign's kind and is
 * checked by {@link Campaigns}; here each field is checked on its own.
 *
 * @param requestKey the client's id of this request: the same key twice registers once
 */
public record Register(String gridCode, String subject, @Nullable String phone, String address, @Nullable String origin,
                       @Nullable String route, @Nullable LocalDate arrivedOn, @Nullable String symptom, @Nullable String hazard,
                       @Nullable String requestKey) {

    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

    public Register {
        gridCode = Texts.required(gridCode, "gridCode", 15);
        subject = Texts.required(subject, "subject", 100);
        phone = Texts.optionalOrNull(phone, "phone", 20);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw LocalizedException.badRequest("enforcement.error.field", "phone");
        }
        address = Texts.required(address, "address", 200);
        origin = Texts.optionalOrNull(origin, "origin", 100);
        route = Texts.optionalOrNull(route, "route", 300);
        symptom = Texts.optionalOrNull(symptom, "symptom", 100);
        hazard = Texts.optionalOrNull(hazard, "hazard", 100);
        requestKey = Texts.optionalOrNull(requestKey, "requestKey", 100);
    }

    CampaignRule.RecordFacts facts() {
        return new CampaignRule.RecordFacts(origin, route, arrivedOn, symptom, hazard);
    }
}
