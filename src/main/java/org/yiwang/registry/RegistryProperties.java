package org.yiwang.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.yiwang.platform.Role;

import java.util.List;
import java.util.Set;

/**
 * Settings under {@code yiwang.registry}.
 *
 * @param registerRoles who works with the registers (search, detail, create, edit, import) in their territory
 * @param specialGroupRoles who may see and set the 综治 special-group tags (the stricter access of 重点人群)
 * @param maxImportRows an import with more data rows is refused before anything is read into the registers
 * @param demo the generated demo registers, made once on first start when {@code yiwang.demo-data} is on
 */
@ConfigurationProperties("yiwang.registry")
public record RegistryProperties(@DefaultValue({"ADMIN", "DISPATCHER", "COMMUNITY_STAFF", "GRID_WORKER"}) Set<Role> registerRoles,
                                 @DefaultValue({"ADMIN", "DISPATCHER", "COMMUNITY_STAFF"}) Set<Role> specialGroupRoles,
                                 @DefaultValue("50000") int maxImportRows,
                                 @DefaultValue Demo demo) {

    public RegistryProperties {
        registerRoles = Set.copyOf(registerRoles);
        specialGroupRoles = Set.copyOf(specialGroupRoles);
        if (maxImportRows < 1) {
            throw new IllegalArgumentException("yiwang.registry.max-import-rows must be ≥ 1");
        }
    }

    /**
     * @param buildingsPerGrid buildings in each comprehensive grid of the demo street
     * @param buildingsPerOtherGrid buildings in every n-th grid of the other streets
     * @param maxPeople the demo stops adding people at this many (cold start stays quick)
     */
    public record Demo(@DefaultValue("2") int buildingsPerGrid, @DefaultValue("1") int buildingsPerOtherGrid,
                       @DefaultValue("8000") int maxPeople) {
        public Demo {
            if (buildingsPerGrid < 0 || buildingsPerOtherGrid < 0 || maxPeople < 0) {
                throw new IllegalArgumentException("yiwang.registry.demo sizes must be ≥ 0");
            }
        }
    }

    boolean works(org.yiwang.platform.Actor actor) {
        return registerRoles.stream().anyMatch(actor::has);
    }

    boolean seesSpecialGroups(org.yiwang.platform.Actor actor) {
        return specialGroupRoles.stream().anyMatch(actor::has);
    }

    List<Role> registerRoleList() {
        return registerRoles.stream().sorted().toList();
    }
}
