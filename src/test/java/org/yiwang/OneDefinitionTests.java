package org.yiwang;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One definition of each thing (STYLE "Shape", "Domain code", "Settings", "Comments"), read off the sources: the phone
 * shell, the zone, the work-order state groups, settings records instead of {@code @Value}, and {@code @NullMarked}
 * on every package.
 */
class OneDefinitionTests {

    static final Path MAIN = Path.of("src/main/java");

    static List<Path> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> filesMatching(Pattern pattern) {
        Set<String> found = new TreeSet<>();
        for (Path file : sources()) {
            if (pattern.matcher(read(file)).find()) {
                found.add(MAIN.relativize(file).toString().replace('\\', '/'));
            }
        }
        return found;
    }

    @Test
    void thePhoneShellIsDefinedOnceInPlatform() {
        assertThat(filesMatching(Pattern.compile("record\\s+\\w*Shell\\s*\\(")))
                .containsExactly("org/yiwang/platform/MobileShell.java");
    }

    @Test
    void theZoneIsSpelledOnlyInChinaTime() {
        assertThat(filesMatching(Pattern.compile("Asia/Shanghai"))).containsExactly("org/yiwang/platform/ChinaTime.java");
    }

    @Test
    void noPageTemplateOrScriptSpellsTheZone() throws IOException {
        // templates write times with #chinaTime (platform ChinaTimeDialect), scripts read the zone from the page's data-zone
        Path resources = Path.of("src/main/resources");
        try (Stream<Path> files = Files.walk(resources)) {
            assertThat(files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js"))
                    .filter(f -> read(f).contains("Asia/Shanghai")).map(f -> resources.relativize(f).toString()).toList()).isEmpty();
        }
    }

    @Test
    void workOrderStateListsAreSpelledOnlyOnWorkOrderStatus() {
        // two or more quoted ended states in a row: an SQL list written out by hand (WorkOrder*.java is being reworked apart)
        Pattern list = Pattern.compile("'(CLOSED|EVALUATED|VOIDED)'\\s*,\\s*'(CLOSED|EVALUATED|VOIDED)'");
        assertThat(filesMatching(list)).allMatch(f -> f.startsWith("org/yiwang/workorder/WorkOrder"));
    }

    @Test
    void settingsComeFromPropertiesRecordsNotValueLookups() {
        assertThat(filesMatching(Pattern.compile("@Value\\s*\\(|import org\\.springframework\\.beans\\.factory\\.annotation\\.Value;")))
                .isEmpty();
    }

    @Test
    void everyPackageIsNullMarked() {
        Set<Path> packages = new TreeSet<>();
        sources().forEach(f -> packages.add(f.getParent()));
        Set<String> unmarked = new TreeSet<>();
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            if (!Files.exists(info) || !read(info).contains("@org.jspecify.annotations.NullMarked")) {
                unmarked.add(MAIN.relativize(dir).toString());
            }
        }
        assertThat(unmarked).isEmpty();
    }
}
