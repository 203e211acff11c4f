package org.yiwang;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Domain code imports no Spring (STYLE "Domain code"): the aggregates, their value objects, commands,
 * states and rules are plain Java, tested with plain JUnit. A refusal is a {@code LocalizedException}
 * with a message key, whose HTTP status the platform owns.
 */
class DomainPurityTests {

    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yiwang.workorder", "org.yiwang.whistle", "org.yiwang.catalog");

    /** The aggregates and the plain types around them, by module root package. */
    static final Set<String> DOMAIN = Set.of(
            "org.yiwang.workorder.WorkOrder", "org.yiwang.workorder.WorkOrderStatus", "org.yiwang.workorder.Action",
            "org.yiwang.workorder.Place", "org.yiwang.workorder.Deadline", "org.yiwang.workorder.Assignment",
            "org.yiwang.workorder.Transition", "org.yiwang.workorder.NewReport", "org.yiwang.workorder.ReportProblem",
            "org.yiwang.workorder.Satisfaction", "org.yiwang.workorder.Source", "org.yiwang.workorder.TrafficLight",
            "org.yiwang.workorder.DeadlinePolicy", "org.yiwang.workorder.IllegalTransitionException",
            "org.yiwang.whistle.Whistle", "org.yiwang.whistle.WhistleStatus", "org.yiwang.whistle.WhistleStateException",
            "org.yiwang.whistle.Summons",
            "org.yiwang.catalog.Stage", "org.yiwang.catalog.Urgency");

    static final DescribedPredicate<JavaClass> domain = DescribedPredicate.describe("domain types",
            c -> DOMAIN.contains(c.getName()) || c.getEnclosingClass().map(e -> DOMAIN.contains(e.getName())).orElse(false));

    @Test
    void domainTypesImportNoSpring() {
        ArchRule rule = noClasses().that(domain).should().dependOnClassesThat().resideInAPackage("org.springframework..");
        rule.check(classes);
    }

    @Test
    void everyListedDomainTypeExists() {
        // a renamed type would silently drop out of the rule above
        for (String name : DOMAIN) {
            classes.get(name);
        }
    }
}
