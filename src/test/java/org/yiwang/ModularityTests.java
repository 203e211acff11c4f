package org.yiwang;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(YiwangApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }

    /** README's module table lists every top-level module with the modules it uses, as computed here. */
    @Test
    void readmesModuleTableListsEveryModuleWithItsDependencies() throws IOException {
        Map<String, Set<String>> computed = new TreeMap<>();
        modules.stream().filter(m -> modules.getParentOf(m).isEmpty()).forEach(m -> computed.put(name(m),
                m.getDirectDependencies(modules).uniqueModules().map(ModularityTests::topLevel)
                        .filter(d -> !d.equals(name(m))).collect(Collectors.toCollection(TreeSet::new))));
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9]+)` \\|.*\\| ([^|]*) \\|$").matcher(modulesSection());
        while (row.find()) {
            String dependencies = row.group(2).strip();
            documented.put(row.group(1), dependencies.equals("—") ? new TreeSet<>()
                    : Pattern.compile(",\\s*").splitAsStream(dependencies).collect(Collectors.toCollection(TreeSet::new)));
        }
        assertThat(documented).as("README module table (module → depends on)").isEqualTo(computed);
    }

    private static String modulesSection() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Modules\n");
        return readme.substring(start, readme.indexOf("\n## ", start + 1));
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }

    private static String topLevel(ApplicationModule module) {
        return modules.getParentOf(module).map(ModularityTests::topLevel).orElseGet(() -> name(module));
    }
}
