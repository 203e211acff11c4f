package org.yiwang.services;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.WorkSchedule;
import org.yiwang.platform.ChinaTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of 一网通办 in plain Java: 街社同权, the clock that stops at 补正, and the shipped catalog. */
class ServiceRulesTests {

    static final WorkSchedule WEEKDAYS = WorkSchedule.standard(List.of());

    static ServiceItem item(boolean sameRights, ItemKind kind, int promised) {
        return new ServiceItem("MZ-999", "测试事项", "民政", "区民政局", Level.COMMUNITY, sameRights, false, kind, promised, promised, "0",
                EnumSet.of(Channel.ONLINE), List.of(new Material("居民身份证", true, 1, true)), "", true, 1);
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ChinaTime.ZONE).toInstant();
    }

    @Test
    void theStreetApprovesEveryItemWhateverTheSwitches() {
        assertThat(ApprovalLevel.refusal(item(false, ItemKind.PROMISED, 5), Level.STREET, false)).isEmpty();
        assertThat(ApprovalLevel.refusal(item(true, ItemKind.PROMISED, 5), Level.STREET, true)).isEmpty();
    }

    @Test
    void aCommunityApprovesOnlyAHandedDownItemWithItsOwnSwitchOn() {
        assertThat(ApprovalLevel.refusal(item(true, ItemKind.PROMISED, 5), Level.COMMUNITY, true)).isEmpty();
        assertThat(ApprovalLevel.refusal(item(false, ItemKind.PROMISED, 5), Level.COMMUNITY, true))
                .contains(ApprovalLevel.ITEM_HANDED_DOWN.refusal);
        assertThat(ApprovalLevel.refusal(item(true, ItemKind.PROMISED, 5), Level.COMMUNITY, false))
                .contains(ApprovalLevel.COMMUNITY_SWITCHED_ON.refusal);
    }

    @Test
    void aPromisedItemIsDueAfterItsWorkingDaysSkippingTheWeekend() {
        // Friday 10:00 + 3 working days = Wednesday 10:00
        ServiceClock clock = ServiceClock.start(item(true, ItemKind.PROMISED, 3), at("2026-12-04T10:00"), Duration.ofHours(2), WEEKDAYS);
        assertThat(clock.dueAt()).isEqualTo(at("2026-12-09T10:00"));
    }

    @Test
    void theClockStandsStillWhileMaterialsAreMissingAndTheDueTimeMovesOnByTheWait() {
        ServiceClock started = ServiceClock.start(item(true, ItemKind.PROMISED, 2), at("2026-12-07T09:00"), Duration.ofHours(2), WEEKDAYS);
        assertThat(started.dueAt()).isEqualTo(at("2026-12-09T09:00"));
        ServiceClock suspended = started.suspend(at("2026-12-07T10:00"));
        double atSuspension = suspended.fractionUsed(at("2026-12-07T10:00"), WEEKDAYS);
        // a week later nothing more is used
        assertThat(suspended.fractionUsed(at("2026-12-14T16:00"), WEEKDAYS)).isEqualTo(atSuspension);
        assertThat(suspended.light(at("2026-12-14T16:00"), WEEKDAYS)).isEqualTo(TrafficLight.GREEN);
        // supplied the next morning at 10:00: one working day waited, due one working day later
        ServiceClock resumed = suspended.resume(at("2026-12-08T10:00"), WEEKDAYS);
        assertThat(resumed.suspended()).isFalse();
        assertThat(resumed.paused()).isEqualTo(WEEKDAYS.workingDayLength());
        assertThat(resumed.dueAt()).isEqualTo(at("2026-12-10T09:00"));
        assertThat(resumed.fractionUsed(at("2026-12-08T10:00"), WEEKDAYS)).isCloseTo(atSuspension, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(resumed.onTimeAt(at("2026-12-09T16:00"))).isTrue();
        assertThat(started.onTimeAt(at("2026-12-09T16:00"))).isFalse();
    }

    @Test
    void theLightTurnsYellowAtEightyPercentAndRedPastTheLimit() {
        ServiceClock clock = ServiceClock.start(item(true, ItemKind.PROMISED, 1), at("2026-12-07T08:30"), Duration.ofHours(2), WEEKDAYS);
        assertThat(clock.light(at("2026-12-07T09:00"), WEEKDAYS)).isEqualTo(TrafficLight.GREEN);
        assertThat(clock.light(at("2026-12-07T16:30"), WEEKDAYS)).isEqualTo(TrafficLight.YELLOW);
        assertThat(clock.light(at("2026-12-08T09:00"), WEEKDAYS)).isEqualTo(TrafficLight.RED);
    }

    @Test
    void theShippedCatalogHoldsAtLeast190ItemsInTheEightClassesWithUniqueCodes() {
        List<ServiceItem> items = ServiceCatalog.parseItems(ServiceCatalog.text(ServiceCatalog.ITEMS), 1);
        assertThat(items.size()).isGreaterThanOrEqualTo(190);
        Map<String, Integer> perClass = new HashMap<>();
        items.forEach(i -> perClass.merge(i.itemClass(), 1, Integer::sum));
        assertThat(perClass.keySet()).containsExactlyInAnyOrderElementsOf(ServiceItem.CLASSES);
        assertThat(items.stream().map(ServiceItem::code).distinct().count()).isEqualTo(items.size());
        assertThat(items).anyMatch(i -> i.kind() == ItemKind.IMMEDIATE).anyMatch(i -> i.kind() == ItemKind.PROMISED)
                .anyMatch(ServiceItem::sameRights).anyMatch(i -> !i.sameRights());
    }

    @Test
    void theShippedBundlesAreAtLeastTenAndCarePackagesNameARegistryTag() {
        List<ServiceItem> items = ServiceCatalog.parseItems(ServiceCatalog.text(ServiceCatalog.ITEMS), 1);
        List<Bundle> bundles = ServiceCatalog.parseBundles(ServiceCatalog.text(ServiceCatalog.BUNDLES), items);
        assertThat(bundles.stream().filter(b -> b.kind() == Bundle.Kind.BUNDLE).count()).isGreaterThanOrEqualTo(10);
        Set<String> tags = Set.of("ADVANCED_AGE", "DISABLED", "VETERAN");
        assertThat(bundles.stream().filter(b -> b.kind() == Bundle.Kind.CARE)).isNotEmpty()
                .allMatch(b -> b.careTag() != null && tags.contains(b.careTag()));
        assertThat(bundles).extracting(Bundle::name).contains("我要开饭店", "出生一件事", "退休一件事", "身后事一件事", "残疾人服务一件事", "新居民落户一件事");
    }

    @Test
    void aBundleNamingAnItemTheCatalogLacksIsRefused() {
        List<ServiceItem> items = ServiceCatalog.parseItems(ServiceCatalog.text(ServiceCatalog.ITEMS), 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServiceCatalog.parseBundles(
                        "code,name,kind,care_tag,items,description\nX,坏的,BUNDLE,,SB-001|ZZ-999,说明\n", items))
                .hasMessageContaining("ZZ-999");
    }

    @Test
    void materialsRoundTripThroughTheirTextForm() {
        String text = "居民身份证:O:1:R|申请表:C:2:N";
        assertThat(Material.formatAll(Material.parseAll(text))).isEqualTo(text);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Material.parseAll("身份证:X:1:R")).isInstanceOf(IllegalArgumentException.class);
    }
}
