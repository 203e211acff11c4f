package org.yiwang.registry;

import org.springframework.stereotype.Service;
import org.yiwang.platform.Actor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * 人口导出 — the people a search finds, as CSV (UTF-8 with BOM, so that Excel reads the Chinese), with
 * ID and phone numbers masked as on screen: an export is no way around the audited show.
 */
@Service
public class PeopleExport {

    static final int PAGE = 200;

    private final RegisterQueries queries;

    PeopleExport(RegisterQueries queries) {
        this.queries = queries;
    }

    /** Writes every person the search finds (all pages), in the columns of the import plus id and grid. */
    public long write(RegisterQueries.PersonSearch search, Actor actor, Writer out) {
        try {
            out.write('\uFEFF');
            out.write("id,grid,address,name,idNumber,gender,age,phone,residence,relation,living,tags\r\n");
            long written = 0;
            for (int page = 0; ; page++) {
                RegisterQueries.Page<RegisterQueries.PersonView> rows = queries.searchPeople(new RegisterQueries.PersonSearch(
                        search.name(), search.idNumber(), search.phone(), search.address(), search.tag(), search.grid(), page, PAGE), actor);
                for (RegisterQueries.PersonView p : rows.items()) {
                    out.write(String.join(",", String.valueOf(p.id()), p.gridCode(), csv(p.address()), csv(p.name()),
                            csv(p.idNumber()), p.gender().name(), String.valueOf(p.age()), csv(p.phone()), p.residence().name(),
                            p.relation().name(), p.living().name(), csv(String.join(";", p.tags().stream().map(Enum::name).toList()))));
                    out.write("\r\n");
                    written++;
                }
                if (!rows.hasNext()) {
                    out.flush();
                    return written;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes a field when needed; a leading =, +, - or @ is defused so that a spreadsheet does not run it as a formula. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
