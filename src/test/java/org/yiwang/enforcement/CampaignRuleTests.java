package org.yiwang.enforcement;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The colouring rules as the epidemic-return and flood-season campaigns ship them. */
class CampaignRuleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final List<String> HIGH = List.of("石家庄市藁城区", "广州市荔湾区", "上海市浦东新区");

    static final List<CampaignRule> RETURN = List.of(
            new CampaignRule(1, Colour.RED, CampaignRule.Field.SYMPTOM, List.of("发热", "咳嗽"), null, "有症状"),
            new CampaignRule(2, Colour.RED, CampaignRule.Field.ORIGIN, HIGH, 14, "高风险地区"),
            new CampaignRule(3, Colour.YELLOW, CampaignRule.Field.ORIGIN, List.of("武汉市"), 14, "中风险地区"),
            new CampaignRule(4, Colour.YELLOW, CampaignRule.Field.ROUTE, HIGH, 14, "途经高风险地区"));

    static final List<CampaignRule> FLOOD = List.of(
            new CampaignRule(1, Colour.RED, CampaignRule.Field.HAZARD, List.of("危房", "地下车库", "低洼"), null, "红"),
            new CampaignRule(2, Colour.YELLOW, CampaignRule.Field.HAZARD, List.of("工地", "河道"), null, "黄"));

    static CampaignRule.RecordFacts from(String origin, String route, int daysAgo, String symptom) {
        return new CampaignRule.RecordFacts(origin, route, TODAY.minusDays(daysAgo), symptom, null);
    }

    @Test
    void arrivalFromAHighRiskAreaWithinFourteenDaysIsRed() {
        CampaignRule.Verdict v = CampaignRule.colour(RETURN, from("广东省广州市荔湾区", null, 3, null), TODAY);
        assertThat(v.colour()).isEqualTo(Colour.RED);
        assertThat(v.reason()).isEqualTo("高风险地区");
    }

    @Test
    void arrivalFromAHighRiskAreaLongerAgoThanFourteenDaysIsNoLongerRed() {
        assertThat(CampaignRule.colour(RETURN, from("广东省广州市荔湾区", null, 15, null), TODAY).colour()).isEqualTo(Colour.GREEN);
        assertThat(CampaignRule.colour(RETURN, from("广东省广州市荔湾区", null, 14, null), TODAY).colour()).isEqualTo(Colour.RED);
    }

    @Test
    void aSymptomMakesAnyArrivalRedWhateverItsOrigin() {
        CampaignRule.Verdict v = CampaignRule.colour(RETURN, from("安徽省合肥市", null, 40, "发热 38.2℃"), TODAY);
        assertThat(v.colour()).isEqualTo(Colour.RED);
        assertThat(v.reason()).isEqualTo("有症状");
    }

    @Test
    void mediumRiskOriginOrAHighRiskRouteIsYellow() {
        assertThat(CampaignRule.colour(RETURN, from("湖北省武汉市江汉区", null, 1, null), TODAY).colour()).isEqualTo(Colour.YELLOW);
        CampaignRule.Verdict route = CampaignRule.colour(RETURN, from("浙江省杭州市", "杭州—上海市浦东新区—南京", 2, null), TODAY);
        assertThat(route.colour()).isEqualTo(Colour.YELLOW);
        assertThat(route.reason()).isEqualTo("途经高风险地区");
    }

    @Test
    void anArrivalMatchingNoRuleIsGreenWithoutReason() {
        CampaignRule.Verdict v = CampaignRule.colour(RETURN, from("安徽省合肥市蜀山区", "合肥南—南京南", 3, null), TODAY);
        assertThat(v.colour()).isEqualTo(Colour.GREEN);
        assertThat(v.reason()).isNull();
    }

    @Test
    void theFirstRuleInPositionOrderWinsEvenWhenListedLater() {
        List<CampaignRule> shuffled = List.of(RETURN.get(3), RETURN.get(2), RETURN.get(1), RETURN.get(0));
        assertThat(CampaignRule.colour(shuffled, from("上海市浦东新区", "上海市浦东新区", 1, null), TODAY).reason()).isEqualTo("高风险地区");
    }

    @Test
    void floodSeasonColoursSitesByHazard() {
        assertThat(CampaignRule.colour(FLOOD, new CampaignRule.RecordFacts(null, null, null, null, "危房（C 级）"), TODAY).colour())
                .isEqualTo(Colour.RED);
        assertThat(CampaignRule.colour(FLOOD, new CampaignRule.RecordFacts(null, null, null, null, "在建工地基坑"), TODAY).colour())
                .isEqualTo(Colour.YELLOW);
        assertThat(CampaignRule.colour(FLOOD, new CampaignRule.RecordFacts(null, null, null, null, "商铺"), TODAY).colour())
                .isEqualTo(Colour.GREEN);
    }
}
