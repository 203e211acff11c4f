package org.yiwang.intake;

import org.springframework.stereotype.Component;
import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionLevel;
import org.yiwang.geo.Divisions;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Brings addresses to one comparable form: full-width characters to half-width (NFKC), no blanks or
 * punctuation, lower case, and without the leading names of the province, city, district and street
 * (江苏省南京市秦淮区夫子庙街道贡院街100号 → 贡院街100号), which callers write or leave out at will.
 */
@Component
class AddressNormalizer {

    private static final Duration REFRESH = Duration.ofMinutes(10);
    private static final List<String> ALWAYS = List.of("中华人民共和国", "中国");

    private final Divisions divisions;
    private final Clock clock;
    private volatile List<String> prefixes;
    private volatile Instant loadedAt = Instant.MIN;

    AddressNormalizer(Divisions divisions, Clock clock) {
        this.divisions = divisions;
        this.clock = clock;
    }

    String normalize(String address) {
        if (address == null) {
            return "";
        }
        String n = Normalizer.normalize(address, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(n.length());
        n.codePoints().filter(c -> Character.isLetterOrDigit(c) || c == '-' || c == '#')
                .forEach(kept::appendCodePoint);
        String result = kept.toString();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : prefixes()) {
                if (result.length() > prefix.length() && result.startsWith(prefix)) {
                    result = result.substring(prefix.length());
                    stripped = true;
                    break;
                }
            }
        }
        return result;
    }

    private List<String> prefixes() {
        Instant now = clock.instant();
        List<String> current = prefixes;
        if (current == null || Duration.between(loadedAt, now).compareTo(REFRESH) > 0) {
            current = Stream.concat(ALWAYS.stream(), divisions.all().stream()
                            .filter(d -> d.level() != DivisionLevel.COMMUNITY)
                            .map(Division::name))
                    .map(name -> Normalizer.normalize(name, Normalizer.Form.NFKC).replace(" ", ""))
                    .filter(name -> name.length() >= 2)
                    .distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
            prefixes = current;
            loadedAt = now;
        }
        return current;
    }
}
