package org.yiwang.platform;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the staff navigation, declared as a bean by the module that owns the screen; the
 * web shell shows the entries the signed-in user's roles allow, in {@code order}.
 *
 * @param labelKey message key of the label (in the module's own bundle)
 * @param roles who sees it; empty means every signed-in user
 * @param section grouping in the navigation, e.g. "work", "command", "admin"
 */
public record NavigationEntry(String href, String labelKey, String icon, List<Role> roles, int order, String section) {

    public NavigationEntry {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(labelKey, "labelKey");
        roles = List.copyOf(roles == null ? List.of() : roles);
        icon = icon == null ? "·" : icon;
        section = section == null ? "work" : section;
    }

    public boolean visibleTo(Actor actor) {
        return roles.isEmpty() || roles.stream().anyMatch(actor::has);
    }
}
