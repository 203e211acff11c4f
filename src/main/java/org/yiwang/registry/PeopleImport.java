package org.yiwang.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.platform.Actor;
import org.yiwang.platform.LocalizedException;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 人口导入 — people from CSV or .xlsx, one per row, into buildings already registered (found by their
 * standard address in the worker's territory); a missing house (room) of such a building is created.
 * Every row is checked like a form; each bad row is reported with its line, field and reason. Policy
 * {@link Policy#ALL_OR_NOTHING}: one bad row and nothing is stored; {@link Policy#PER_ROW}: exactly the
 * good rows are stored (each row in its own savepoint).
 */
@Service
public class PeopleImport {

    /** What happens to the good rows when some rows are bad. */
    public enum Policy { ALL_OR_NOTHING, PER_ROW }

    /** The columns, by English name or Chinese heading. */
    static final Map<String, String> HEADINGS = Map.ofEntries(
            Map.entry("楼栋地址", "address"), Map.entry("房屋", "room"), Map.entry("姓名", "name"), Map.entry("身份证号", "idNumber"),
            Map.entry("性别", "gender"), Map.entry("出生日期", "birthDate"), Map.entry("联系电话", "phone"),
            Map.entry("人口类型", "residence"), Map.entry("与户主关系", "relation"), Map.entry("居住状态", "living"),
            Map.entry("标签", "tags"));
    static final List<String> COLUMNS = List.of("address", "room", "name", "idNumber", "gender", "birthDate", "phone",
            "residence", "relation", "living", "tags");
    private static final Map<String, String> VALUES = Map.of("男", "MALE", "女", "FEMALE", "户籍", "REGISTERED",
            "流动", "FLOATING", "境外", "FOREIGN", "户主", "HOUSEHOLDER");

    private final Registers registers;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final RegistryProperties properties;
    private final Clock clock;

    PeopleImport(Registers registers, JdbcClient jdbc, PlatformTransactionManager transactions, RegistryProperties properties, Clock clock) {
        this.registers = registers;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.properties = properties;
        this.clock = clock;
    }

    /** A bad row: its line in the file, the column at fault (null for the whole row), the message key and its arguments. */
    public record Problem(long line, String field, String key, List<Object> args) {
    }

    /** What an import did: rows read, people stored, the problems; {@code stored} false when the policy stored nothing. */
    public record Result(Policy policy, long rows, long imported, List<Problem> problems) {
    }

    public Result run(InputStream in, String fileName, Policy policy, Actor actor) {
        registers.worker(actor);
        if (policy == null) {
            throw RegistryException.invalid("policy", "registry.invalid.required");
        }
        Result result = transaction.execute(status -> {
            List<Problem> problems = new ArrayList<>();
            long[] counts = new long[2];
            Map<String, Long> buildings = new HashMap<>();
            LocalDate today = registers.today();
            try {
                TableRows.forFile(fileName).read(in, new TableRows.Visitor() {
                    Map<String, Integer> columns;

                    @Override
                    public boolean row(long line, List<String> cells) {
                        if (columns == null) {
                            columns = header(cells);
                            return true;
                        }
                        if (++counts[0] > properties.maxImportRows()) {
                            throw LocalizedException.badRequest("registry.import.tooManyRows", properties.maxImportRows());
                        }
                        try {
                            savepoint.executeWithoutResult(s -> store(cells, columns, buildings, today, actor));
                            counts[1]++;
                        } catch (RegistryException e) {
                            problems.add(new Problem(line, e.field(), e.messageKey(), Arrays.asList(e.args())));
                        } catch (LocalizedException e) {
                            Object[] args = e.args();
                            String field = args.length > 0 && args[0] instanceof String s && COLUMNS.contains(s) ? s : null;
                            problems.add(new Problem(line, field, e.messageKey(), Arrays.asList(args)));
                        }
                        return true;
                    }
                });
            } catch (IOException e) {
                throw LocalizedException.badRequest("registry.import.unreadable", fileName == null ? "" : fileName);
            }
            if (counts[0] == 0 && problems.isEmpty()) {
                throw LocalizedException.badRequest("registry.import.empty");
            }
            if (policy == Policy.ALL_OR_NOTHING && !problems.isEmpty()) {
                status.setRollbackOnly();
                return new Result(policy, counts[0], 0, problems);
            }
            return new Result(policy, counts[0], counts[1], problems);
        });
        return result;
    }

    private Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String heading = cells.get(i).strip();
            String column = HEADINGS.getOrDefault(heading, COLUMNS.stream().filter(c -> c.equalsIgnoreCase(heading)).findFirst().orElse(null));
            if (column != null) {
                columns.put(column, i);
            }
        }
        for (String needed : List.of("address", "room", "name")) {
            if (!columns.containsKey(needed)) {
                throw LocalizedException.badRequest("registry.import.missingColumn", needed);
            }
        }
        return columns;
    }

    private void store(List<String> cells, Map<String, Integer> columns, Map<String, Long> buildings, LocalDate today, Actor actor) {
        String address = Fields.required("address", cell(cells, columns, "address"), 200);
        String room = Fields.required("room", cell(cells, columns, "room"), 40);
        Long building = buildings.computeIfAbsent(address, a -> jdbc.sql("""
                        select id from registry_building where address = :address and grid_code like any (:patterns) order by id limit 1""")
                .param("address", a).param("patterns", actor.scope().likePatterns()).query(Long.class).optional().orElse(-1L));
        if (building < 0) {
            throw RegistryException.invalid("address", "registry.import.unknownBuilding", address);
        }
        String tags = cell(cells, columns, "tags");
        PersonForm form = new PersonForm(houseOf(building, room), null, cell(cells, columns, "name"), value(cells, columns, "gender"),
                cell(cells, columns, "birthDate"), cell(cells, columns, "idNumber"), cell(cells, columns, "phone"),
                value(cells, columns, "residence"), value(cells, columns, "relation"), cell(cells, columns, "living"),
                tags == null ? List.of() : Arrays.stream(tags.split("[;；,，]")).map(String::strip).filter(t -> !t.isEmpty()).toList());
        registers.insertPerson(form.details(today), actor);
    }

    private long houseOf(long building, String room) {
        return jdbc.sql("select id from registry_house where building_id = :b and room = :room").param("b", building).param("room", room)
                .query(Long.class).optional()
                .orElseGet(() -> {
                    Timestamp now = Timestamp.from(clock.instant());
                    return jdbc.sql("""
                                    insert into registry_house (building_id, district_code, grid_code, room, house_use, occupancy, created_at, updated_at)
                                    select id, district_code, grid_code, :room, 'RESIDENTIAL', 'OWNER_OCCUPIED', :now, :now
                                    from registry_building where id = :b returning id""")
                            .param("b", building).param("room", room).param("now", now).query(Long.class).single();
                });
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null || i >= cells.size() ? null : cells.get(i);
    }

    private static String value(List<String> cells, Map<String, Integer> columns, String column) {
        String v = cell(cells, columns, column);
        return v == null ? null : VALUES.getOrDefault(v.strip(), v.strip().toUpperCase(Locale.ROOT));
    }
}
