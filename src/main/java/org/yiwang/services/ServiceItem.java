package org.yiwang.services;

import java.util.List;
import java.util.Set;

/**
 * A service item of the catalog (政务服务事项): its code and name, class and competent department, the level that
 * handles it by default, whether 街社同权 lets a community accept and approve it, 即办件 or 承诺件 with the legal and
 * the promised limit in working days, fee, materials, channels and the public guide (办事指南). {@code departmentReview}:
 * the competent district department approves (部门审批) — the window accepts, does the 初审 and forwards (转报) it.
 */
public record ServiceItem(String code, String name, String itemClass, String department, Level homeLevel,
                          boolean sameRights, boolean departmentReview, ItemKind kind, int legalDays, int promisedDays, String fee,
                          Set<Channel> channels, List<Material> materials, String guide, boolean enabled, int catalogVersion) {

    /** The eight classes of the shipped catalog, in the order the pages list them. */
    public static final List<String> CLASSES = List.of("社保", "民政", "卫健/计生", "城管", "市场监管", "残联", "退役军人", "住房");

    public ServiceItem {
        if (!code.matches("[A-Z]{2,4}-\\d{3}")) {
            throw new IllegalArgumentException("item code must be like SB-001: " + code);
        }
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("item name must be 1 to 200 characters");
        }
        if (itemClass.isBlank() || department.isBlank()) {
            throw new IllegalArgumentException("item class and department are required");
        }
        if (legalDays < 0 || promisedDays < 0 || promisedDays > legalDays || legalDays > 365) {
            throw new IllegalArgumentException("limits must be 0 ≤ promised ≤ legal ≤ 365 working days");
        }
        if (kind == ItemKind.PROMISED && promisedDays == 0) {
            throw new IllegalArgumentException("a 承诺件 needs a promised limit of at least 1 working day");
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("an item needs at least one channel");
        }
        channels = Set.copyOf(channels);
        materials = List.copyOf(materials);
        fee = fee.isBlank() ? "0" : fee;
    }

    /**
     * Whether an org unit of that name is the district department the catalog names so. The catalog names departments
     * as the district calls them ({@code 区民政局}); the organisation names them in full ({@code 秦淮区民政局}).
     */
    public static boolean departmentMatches(String department, String unitName) {
        String plain = department.startsWith("区") ? department.substring(1) : department;
        return unitName.equals(department) || (plain.length() >= 2 && unitName.endsWith(plain));
    }

    public boolean offers(Channel channel) {
        return channels.contains(channel);
    }
}
