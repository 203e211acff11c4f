package org.yiwang.geo.internal;

import org.yiwang.geo.Division;
import org.yiwang.geo.DivisionLevel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statistical divisions shipped with Yiwang ({@code geo/divisions-nanjing-suzhou-sip.csv}:
 * {@code code,name,level,parent_code}; source modood/Administrative-divisions-of-China, WTFPL).
 */
public final class DivisionCatalog {

    public static final String RESOURCE = "/geo/divisions-nanjing-suzhou-sip.csv";

    private DivisionCatalog() {
    }

    /** All divisions, parents before children as in the file. */
    public static List<Division> load() {
        try (InputStream in = DivisionCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Division> parse(BufferedReader reader) throws IOException {
        List<Division> divisions = new ArrayList<>();
        String header = reader.readLine();
        if (header == null || !header.strip().equals("code,name,level,parent_code")) {
            throw new IllegalStateException("unexpected division file header: " + header);
        }
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 4) {
                throw new IllegalStateException("line " + number + " of " + RESOURCE + " has " + fields.length + " fields");
            }
            DivisionLevel level = DivisionLevel.valueOf(fields[2].strip().toUpperCase(Locale.ROOT));
            String parent = fields[3].strip();
            divisions.add(new Division(fields[0].strip(), fields[1].strip(), level, parent.isEmpty() ? null : parent));
        }
        return divisions;
    }
}
