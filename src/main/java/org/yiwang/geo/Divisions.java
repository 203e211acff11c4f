package org.yiwang.geo;

import org.springframework.stereotype.Service;
import org.yiwang.geo.internal.DivisionStore;
import org.yiwang.platform.DataScope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The division tree (区划): province, cities, districts, streets (街道) and communities (社区). The
 * streets and above come from the statistical codes shipped with Yiwang and are refreshed at every
 * start; communities come from grid imports and the demo territory.
 */
@Service
public class Divisions {

    private final DivisionStore store;

    Divisions(DivisionStore store) {
        this.store = store;
    }

    public Optional<Division> find(String code) {
        return code == null ? Optional.empty() : store.find(code);
    }

    /** The divisions directly below, ordered by code. */
    public List<Division> children(String code) {
        return store.children(code);
    }

    public List<Division> all() {
        return store.all();
    }

    /** The division and those above it, from the top down; empty when it does not exist. */
    public List<Division> path(String code) {
        LinkedList<Division> path = new LinkedList<>();
        Optional<Division> current = find(code);
        while (current.isPresent()) {
            path.addFirst(current.get());
            current = find(current.get().parentCode());
        }
        return path;
    }

    /**
     * Whether someone with {@code scope} sees the division: it lies in the scope, or above it (a street
     * dispatcher sees the name of their district and city, not their other streets).
     */
    public static boolean isVisible(String code, DataScope scope) {
        if (scope.covers(code)) {
            return true;
        }
        String prefix = DataScope.prefixOf(code);
        return scope.divisionPrefixes().stream().anyMatch(p -> p.startsWith(prefix));
    }

    /** The visible divisions as a tree (usually one root: the province or city). */
    public List<DivisionNode> tree(DataScope scope) {
        List<Division> visible = store.visible(scope);
        Map<String, List<Division>> byParent = new HashMap<>();
        Map<String, Division> byCode = new HashMap<>();
        for (Division d : visible) {
            byCode.put(d.code(), d);
            byParent.computeIfAbsent(d.parentCode(), p -> new ArrayList<>()).add(d);
        }
        List<DivisionNode> roots = new ArrayList<>();
        for (Division d : visible) {
            if (d.parentCode() == null || !byCode.containsKey(d.parentCode())) {
                roots.add(node(d, byParent));
            }
        }
        return roots;
    }

    /** The visible divisions directly below {@code code}; empty when {@code code} is not visible. */
    public List<Division> visibleChildren(String code, DataScope scope) {
        if (!isVisible(code, scope)) {
            return List.of();
        }
        return store.children(code).stream().filter(d -> isVisible(d.code(), scope)).toList();
    }

    private static DivisionNode node(Division division, Map<String, List<Division>> byParent) {
        List<DivisionNode> children = byParent.getOrDefault(division.code(), List.of()).stream()
                .map(child -> node(child, byParent)).toList();
        return new DivisionNode(division, children);
    }
}
