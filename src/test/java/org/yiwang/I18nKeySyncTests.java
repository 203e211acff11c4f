package org.yiwang;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message key exists in English (the base bundle) and Simplified Chinese, with text in both. */
class I18nKeySyncTests {

    static final Path MESSAGES = Path.of("src/main/resources/messages");

    @Test
    void everyKeyIsTranslatedIntoBothLanguages() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> bases;
        try (Stream<Path> files = Files.list(MESSAGES)) {
            bases = files.filter(p -> !p.getFileName().toString().contains("_")).sorted().toList();
        }
        assertThat(bases).isNotEmpty();
        for (Path base : bases) {
            Path chinese = base.resolveSibling(base.getFileName().toString().replace(".properties", "_zh.properties"));
            assertThat(chinese).as("Chinese bundle for " + base).exists();
            Properties en = load(base);
            Properties zh = load(chinese);
            Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
            onlyEn.removeAll(zh.stringPropertyNames());
            Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
            onlyZh.removeAll(en.stringPropertyNames());
            onlyEn.forEach(k -> problems.add(chinese.getFileName() + " lacks " + k));
            onlyZh.forEach(k -> problems.add(base.getFileName() + " lacks " + k));
            zh.stringPropertyNames().stream().filter(k -> zh.getProperty(k).isBlank())
                    .forEach(k -> problems.add(chinese.getFileName() + " has an empty " + k));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void chineseBundlesAreWrittenInChinese() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path zhFile : files.filter(p -> p.toString().endsWith("_zh.properties")).toList()) {
                Properties zh = load(zhFile);
                long withHan = zh.stringPropertyNames().stream()
                        .filter(k -> zh.getProperty(k).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                        .count();
                assertThat(withHan).as(zhFile + " is mostly Chinese").isGreaterThanOrEqualTo(zh.size() * 8L / 10);
            }
        }
    }

    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
