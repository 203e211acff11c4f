package org.yiwang.catalog.internal;

import org.yiwang.catalog.Category;
import org.yiwang.catalog.CategoryKind;
import org.yiwang.catalog.DutyEntry;
import org.yiwang.catalog.DutyLevel;
import org.yiwang.people.DepartmentType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static org.yiwang.people.DepartmentType.CIVIL_AFFAIRS;
import static org.yiwang.people.DepartmentType.ECOLOGY_ENVIRONMENT;
import static org.yiwang.people.DepartmentType.EMERGENCY_MANAGEMENT;
import static org.yiwang.people.DepartmentType.FIRE_RESCUE;
import static org.yiwang.people.DepartmentType.HEALTH;
import static org.yiwang.people.DepartmentType.HOUSING_CONSTRUCTION;
import static org.yiwang.people.DepartmentType.LANDSCAPING;
import static org.yiwang.people.DepartmentType.LAW_ENFORCEMENT;
import static org.yiwang.people.DepartmentType.MARKET_REGULATION;
import static org.yiwang.people.DepartmentType.OTHER;
import static org.yiwang.people.DepartmentType.POLICE_STATION;
import static org.yiwang.people.DepartmentType.SANITATION;
import static org.yiwang.people.DepartmentType.TRANSPORT;
import static org.yiwang.people.DepartmentType.URBAN_MANAGEMENT;
import static org.yiwang.people.DepartmentType.UTILITIES;
import static org.yiwang.people.DepartmentType.WATER_AFFAIRS;
import java.util.HashMap;

/**
 * The duty list a new installation starts with, one or more entries for every category:
 * <ul>
 *   <li>components, and matters that are a component's malfunction, go to the owner department — at
 *   street level for sanitation and landscaping, at district level otherwise — with the territory's
 *   office as the fallback (属地兜底);</li>
 *   <li>urban-management matters go to the department of their kind (street order and advertising to
 *   law enforcement, rubbish and street cleaning to sanitation, water to water affairs…) at street
 *   level, then at district level;</li>
 *   <li>local social-governance matters start at the community (e.g. 邻里纠纷: community, then street);</li>
 *   <li>small matters (即发即处) start with the grid worker.</li>
 * </ul>
 * Administrators export it, edit it and import it as a new version.
 */
public final class DefaultDutyList {

    static final String SMALL_MATTER = "即发即处：网格员现场处置";
    static final String OWNER = "属主：权属单位处置";
    static final String TERRITORY_FALLBACK = "属地兜底：权属不明或权属单位无法处置时";
    private static final Set<DepartmentType> STREET_LEVEL_OWNERS = EnumSet.of(SANITATION, LANDSCAPING);

    private record Step(DutyLevel level, DepartmentType department, List<DepartmentType> assisting, String note) {
    }

    private static Step grid() {
        return new Step(DutyLevel.GRID, null, List.of(), SMALL_MATTER);
    }

    private static Step community() {
        return new Step(DutyLevel.COMMUNITY, null, List.of(), null);
    }

    private static Step streetOffice() {
        return new Step(DutyLevel.STREET, null, List.of(), null);
    }

    private static Step districtOffice() {
        return new Step(DutyLevel.DISTRICT, null, List.of(), null);
    }

    private static Step street(DepartmentType department, DepartmentType... assisting) {
        return new Step(DutyLevel.STREET, department, List.of(assisting), null);
    }

    private static Step district(DepartmentType department, DepartmentType... assisting) {
        return new Step(DutyLevel.DISTRICT, department, List.of(assisting), null);
    }

    private static List<Step> plan(Step... steps) {
        return List.of(steps);
    }

    private static List<Step> streetThenDistrict(DepartmentType department, DepartmentType... assisting) {
        return plan(street(department, assisting), district(department));
    }

    /** Urban-management matters without a plan of their own follow their major class. */
    private static final Map<String, List<Step>> BY_MAJOR_CLASS = Map.of(
            "M06", streetThenDistrict(URBAN_MANAGEMENT),
            "M07", plan(street(LAW_ENFORCEMENT, URBAN_MANAGEMENT), district(LAW_ENFORCEMENT)),
            "M08", plan(street(LAW_ENFORCEMENT, HOUSING_CONSTRUCTION), district(HOUSING_CONSTRUCTION, LAW_ENFORCEMENT)),
            "M09", streetThenDistrict(LAW_ENFORCEMENT),
            "M10", plan(streetOffice(), district(URBAN_MANAGEMENT)));

    private static final Map<String, List<Step>> BY_CODE = Map.ofEntries(
            // 市容环境类: rubbish and cleaning
            entry("M06010", streetThenDistrict(SANITATION)),
            entry("M06011", streetThenDistrict(SANITATION, LAW_ENFORCEMENT)),
            entry("M06012", streetThenDistrict(SANITATION)),
            entry("M06014", streetThenDistrict(SANITATION, LAW_ENFORCEMENT)),
            entry("M06015", streetThenDistrict(SANITATION)),
            entry("M06020", streetThenDistrict(SANITATION, LAW_ENFORCEMENT)),
            entry("M06032", plan(street(SANITATION), district(SANITATION, ECOLOGY_ENVIRONMENT))),
            entry("M06035", streetThenDistrict(SANITATION)),
            entry("M06036", streetThenDistrict(SANITATION)),
            entry("M06037", streetThenDistrict(SANITATION)),
            entry("M06041", streetThenDistrict(SANITATION)),
            entry("M06042", streetThenDistrict(SANITATION)),
            // 市容环境类: enforcement
            entry("M06001", plan(street(LAW_ENFORCEMENT, HOUSING_CONSTRUCTION), district(LAW_ENFORCEMENT))),
            entry("M06002", streetThenDistrict(LAW_ENFORCEMENT)),
            entry("M06003", streetThenDistrict(LAW_ENFORCEMENT)),
            entry("M06006", streetThenDistrict(LAW_ENFORCEMENT)),
            entry("M06007", streetThenDistrict(LAW_ENFORCEMENT)),
            entry("M06008", plan(street(LAW_ENFORCEMENT, UTILITIES), district(LAW_ENFORCEMENT))),
            entry("M06009", streetThenDistrict(LAW_ENFORCEMENT)),
            entry("M06019", streetThenDistrict(LAW_ENFORCEMENT)),
            entry("M06029", plan(street(LAW_ENFORCEMENT, ECOLOGY_ENVIRONMENT), district(LAW_ENFORCEMENT))),
            entry("M06038", streetThenDistrict(LAW_ENFORCEMENT)),
            entry("M06039", streetThenDistrict(LAW_ENFORCEMENT)),
            entry("M06040", plan(community(), street(LAW_ENFORCEMENT), district(LAW_ENFORCEMENT))),
            entry("M06027", plan(street(LAW_ENFORCEMENT, ECOLOGY_ENVIRONMENT), district(ECOLOGY_ENVIRONMENT))),
            entry("M06028", plan(street(LAW_ENFORCEMENT, ECOLOGY_ENVIRONMENT, POLICE_STATION), district(ECOLOGY_ENVIRONMENT))),
            entry("M06030", plan(street(LAW_ENFORCEMENT, WATER_AFFAIRS), district(WATER_AFFAIRS))),
            // 市容环境类: roads, greenery, water
            entry("M06016", plan(district(TRANSPORT))),
            entry("M06017", streetThenDistrict(LANDSCAPING)),
            entry("M06018", streetThenDistrict(LANDSCAPING)),
            entry("M06021", streetThenDistrict(LANDSCAPING)),
            entry("M06022", plan(street(LAW_ENFORCEMENT, LANDSCAPING), district(LANDSCAPING, LAW_ENFORCEMENT))),
            entry("M06045", plan(street(LAW_ENFORCEMENT, LANDSCAPING), district(LANDSCAPING, LAW_ENFORCEMENT))),
            entry("M06047", plan(street(LANDSCAPING, LAW_ENFORCEMENT), district(LANDSCAPING))),
            entry("M06023", plan(streetOffice(), district(WATER_AFFAIRS))),
            entry("M06024", plan(streetOffice(), district(WATER_AFFAIRS, LAW_ENFORCEMENT))),
            entry("M06025", plan(street(SANITATION), district(WATER_AFFAIRS))),
            entry("M06026", plan(streetOffice(), district(WATER_AFFAIRS, ECOLOGY_ENVIRONMENT))),
            entry("M06046", plan(street(LAW_ENFORCEMENT), district(WATER_AFFAIRS, LAW_ENFORCEMENT))),
            entry("M06033", plan(streetOffice(), district(HEALTH, ECOLOGY_ENVIRONMENT))),
            entry("M06034", plan(street(POLICE_STATION, LAW_ENFORCEMENT), district(LAW_ENFORCEMENT))),
            // 宣传广告类
            entry("M07003", plan(street(URBAN_MANAGEMENT, LAW_ENFORCEMENT), district(URBAN_MANAGEMENT))),
            entry("M07006", plan(street(URBAN_MANAGEMENT, LAW_ENFORCEMENT), district(URBAN_MANAGEMENT))),
            entry("M07004", plan(district(MARKET_REGULATION))),
            entry("M07008", streetThenDistrict(URBAN_MANAGEMENT)),
            // 施工管理类
            entry("M08001", plan(street(LAW_ENFORCEMENT, ECOLOGY_ENVIRONMENT, HOUSING_CONSTRUCTION), district(HOUSING_CONSTRUCTION))),
            entry("M08003", plan(street(LAW_ENFORCEMENT, URBAN_MANAGEMENT), district(URBAN_MANAGEMENT))),
            entry("M08004", plan(street(LAW_ENFORCEMENT), district(HOUSING_CONSTRUCTION, ECOLOGY_ENVIRONMENT))),
            entry("M08011", plan(district(URBAN_MANAGEMENT, TRANSPORT))),
            entry("M08012", plan(street(LAW_ENFORCEMENT), district(HOUSING_CONSTRUCTION, URBAN_MANAGEMENT))),
            entry("M08016", plan(street(LAW_ENFORCEMENT, HOUSING_CONSTRUCTION), district(HOUSING_CONSTRUCTION))),
            // 街面秩序类
            entry("M09002", plan(street(LAW_ENFORCEMENT, MARKET_REGULATION), district(LAW_ENFORCEMENT))),
            entry("M09003", plan(streetOffice(), district(CIVIL_AFFAIRS, POLICE_STATION))),
            entry("M09009", plan(street(POLICE_STATION, LAW_ENFORCEMENT))),
            entry("M09011", plan(street(LAW_ENFORCEMENT, TRANSPORT), district(TRANSPORT))),
            entry("M09012", plan(community(), street(FIRE_RESCUE, POLICE_STATION), district(FIRE_RESCUE))),
            entry("M09013", plan(street(MARKET_REGULATION, LAW_ENFORCEMENT), district(MARKET_REGULATION))),
            entry("M09014", plan(street(POLICE_STATION))),
            entry("M09015", plan(street(LAW_ENFORCEMENT, MARKET_REGULATION), district(MARKET_REGULATION))),
            entry("M09016", plan(street(LAW_ENFORCEMENT, TRANSPORT), district(TRANSPORT))),
            entry("M09018", plan(street(POLICE_STATION))),
            entry("M09020", streetThenDistrict(MARKET_REGULATION)),
            // 其他事项类
            entry("M10001", plan(street(SANITATION, URBAN_MANAGEMENT), district(URBAN_MANAGEMENT))),
            entry("M10002", plan(streetOffice(), district(UTILITIES))),
            // 社会治理类
            entry("L01001", plan(community(), streetOffice())),
            entry("L01002", plan(community(), street(HOUSING_CONSTRUCTION), district(HOUSING_CONSTRUCTION))),
            entry("L01003", plan(community(), street(POLICE_STATION, HOUSING_CONSTRUCTION, FIRE_RESCUE))),
            entry("L01004", plan(community(), streetOffice(),
                    new Step(DutyLevel.DISTRICT, OTHER, List.of(), "人力资源和社会保障（劳动保障监察）：尚无此部门类型，暂记为 OTHER"))),
            entry("L01005", plan(community(), street(POLICE_STATION, ECOLOGY_ENVIRONMENT))),
            entry("L01006", plan(community(), street(LAW_ENFORCEMENT, HOUSING_CONSTRUCTION), district(LAW_ENFORCEMENT))),
            entry("L01007", plan(community(), street(POLICE_STATION))),
            entry("L01008", plan(community(), street(POLICE_STATION, LAW_ENFORCEMENT))),
            entry("L01009", plan(community(), streetOffice(), districtOffice())),
            // 民生服务类
            entry("L02001", plan(community(), streetOffice())),
            entry("L02002", plan(community(), streetOffice(), district(CIVIL_AFFAIRS))),
            entry("L02003", plan(community(), district(CIVIL_AFFAIRS))),
            // 安全隐患类
            entry("L03001", plan(community(), street(FIRE_RESCUE, EMERGENCY_MANAGEMENT), district(FIRE_RESCUE))),
            entry("L03002", plan(community(), street(FIRE_RESCUE))),
            entry("L03003", plan(street(EMERGENCY_MANAGEMENT), district(EMERGENCY_MANAGEMENT))),
            entry("L03004", plan(district(MARKET_REGULATION))),
            entry("L03005", plan(streetOffice(), district(UTILITIES, FIRE_RESCUE))),
            entry("L03006", plan(community(), district(HOUSING_CONSTRUCTION, EMERGENCY_MANAGEMENT))),
            entry("L03007", plan(streetOffice(), district(ECOLOGY_ENVIRONMENT))));

    /** Local categories added later start at the community, then the street. */
    private static final List<Step> LOCAL_DEFAULT = plan(community(), streetOffice());

    private DefaultDutyList() {
    }

    /** Entries for every category, ordered by category code and level. */
    public static List<DutyEntry> generate(Collection<Category> categories) {
        Map<String, Category> byCode = new HashMap<>();
        categories.forEach(c -> byCode.put(c.code(), c));
        List<DutyEntry> entries = new ArrayList<>();
        categories.stream().sorted(Comparator.comparing(Category::code)).forEach(category -> {
            Category component = category.kind() == CategoryKind.COMPONENT ? category
                    : category.kind() == CategoryKind.MATTER ? byCode.get("C" + category.code().substring(1)) : null;
            List<Step> steps = component != null ? byOwner(component.ownerDepartment()) : planFor(category);
            if (category.smallMatter() && steps.stream().noneMatch(s -> s.level() == DutyLevel.GRID)) {
                List<Step> withGrid = new ArrayList<>();
                withGrid.add(grid());
                withGrid.addAll(steps);
                steps = withGrid;
            }
            steps.stream().sorted(Comparator.comparing(Step::level)).forEach(step -> entries.add(new DutyEntry(
                    category.code(), step.level(), step.department(), step.assisting(),
                    DutyEntry.defaultRuleId(category.code(), step.level()), step.note())));
        });
        return List.copyOf(entries);
    }

    private static List<Step> planFor(Category category) {
        List<Step> steps = BY_CODE.get(category.code());
        if (steps != null) {
            return steps;
        }
        if (category.kind() == CategoryKind.LOCAL) {
            return LOCAL_DEFAULT;
        }
        return BY_MAJOR_CLASS.getOrDefault(category.majorClass(), plan(streetOffice(), districtOffice()));
    }

    private static List<Step> byOwner(DepartmentType owner) {
        if (owner == null) {
            return plan(streetOffice(), district(URBAN_MANAGEMENT));
        }
        if (STREET_LEVEL_OWNERS.contains(owner)) {
            return plan(new Step(DutyLevel.STREET, owner, List.of(), OWNER), district(owner),
                    new Step(DutyLevel.COMMUNITY, null, List.of(), TERRITORY_FALLBACK));
        }
        return plan(new Step(DutyLevel.DISTRICT, owner, List.of(), OWNER),
                new Step(DutyLevel.STREET, null, List.of(), TERRITORY_FALLBACK));
    }
}
