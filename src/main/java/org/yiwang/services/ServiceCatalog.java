package org.yiwang.services;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Csv;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 事项清单 — the service item catalog and the 一件事 bundles: imported from the versioned files
 * {@code services/items-v<n>.csv} and {@code services/bundles-v<n>.csv} on start (once per version; an item an admin
 * edited keeps the edit), edited by admins, and searched from memory: the ~200 items are held as an index of lowercase
 * search text, so a search costs a scan of 200 short strings (well below a millisecond, see README).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ServiceCatalog implements ApplicationRunner {

    static final String ITEMS = "services/items-v2.csv";
    static final String BUNDLES = "services/bundles-v1.csv";
    private static final Pattern VERSION = Pattern.compile("-v(\\d+)\\.csv$");
    private static final Logger log = LoggerFactory.getLogger(ServiceCatalog.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile Index index = new Index(List.of(), List.of());

    ServiceCatalog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    private record Entry(ServiceItem item, String text) {
    }

    private record Index(List<Entry> items, List<Bundle> bundles) {
    }

    @Override
    public void run(ApplicationArguments args) {
        importFiles();
    }

    /** Imports the shipped files unless their version was imported before; returns the items read (0 when skipped). */
    public int importFiles() {
        Integer read = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('services.catalog'))").query(rs -> {
            });
            int version = versionOf(ITEMS);
            boolean done = jdbc.sql("select exists (select 1 from services_catalog_import where file = :f and version = :v)")
                    .param("f", ITEMS).param("v", version).query(Boolean.class).single();
            if (done) {
                return 0;
            }
            List<ServiceItem> items = parseItems(text(ITEMS), version);
            for (ServiceItem item : items) {
                jdbc.sql("""
                        insert into services_item (code, name, item_class, department, home_level, same_rights, kind, legal_days,
                               promised_days, fee, channels, materials, guide, enabled, catalog_version, department_review)
                        values (:code, :name, :cls, :dept, :level, :same, :kind, :legal, :promised, :fee, :channels, :materials,
                                :guide, true, :version, :review)
                        on conflict (code) do update set name = excluded.name, item_class = excluded.item_class,
                               department = excluded.department, home_level = excluded.home_level, same_rights = excluded.same_rights,
                               kind = excluded.kind, legal_days = excluded.legal_days, promised_days = excluded.promised_days,
                               fee = excluded.fee, channels = excluded.channels, materials = excluded.materials, guide = excluded.guide,
                               catalog_version = excluded.catalog_version, department_review = excluded.department_review
                         where services_item.edited_by is null
                        """).params(params(item)).param("version", version).update();
            }
            List<Bundle> bundles = parseBundles(text(BUNDLES), items);
            for (Bundle bundle : bundles) {
                jdbc.sql("""
                        insert into services_bundle (code, name, kind, care_tag, items, description, catalog_version)
                        values (:code, :name, :kind, :tag, :items, :description, :version)
                        on conflict (code) do update set name = excluded.name, kind = excluded.kind, care_tag = excluded.care_tag,
                               items = excluded.items, description = excluded.description, catalog_version = excluded.catalog_version
                        """).param("code", bundle.code()).param("name", bundle.name()).param("kind", bundle.kind().name())
                        .param("tag", bundle.careTag()).param("items", bundle.items().toArray(String[]::new))
                        .param("description", bundle.description()).param("version", versionOf(BUNDLES)).update();
            }
            jdbc.sql("""
                    insert into services_catalog_import (file, version, rows_read, imported_at) values (:f, :v, :n, :at)
                    on conflict (file) do update set version = excluded.version, rows_read = excluded.rows_read,
                           imported_at = excluded.imported_at
                    """).param("f", ITEMS).param("v", version).param("n", items.size())
                    .param("at", Timestamp.from(clock.instant())).update();
            log.info("Imported service catalog {}: {} items, {} bundles", ITEMS, items.size(), bundles.size());
            return items.size();
        });
        reload();
        return read == null ? 0 : read;
    }

    /** Reads the catalog into memory again (after an import or an edit). */
    public void reload() {
        List<Entry> items = jdbc.sql("select * from services_item order by code").query((rs, n) -> row(rs)).list()
                .stream().map(i -> new Entry(i, searchText(i))).toList();
        List<Bundle> bundles = jdbc.sql("select * from services_bundle order by kind, code")
                .query((rs, n) -> new Bundle(rs.getString("code"), rs.getString("name"), Bundle.Kind.valueOf(rs.getString("kind")),
                        rs.getString("care_tag"), Arrays.asList((String[]) rs.getArray("items").getArray()), rs.getString("description")))
                .list();
        index = new Index(items, bundles);
    }

    public Optional<ServiceItem> find(String code) {
        for (Entry e : index.items()) {
            if (e.item().code().equals(code)) {
                return Optional.of(e.item());
            }
        }
        return Optional.empty();
    }

    public ServiceItem require(String code) {
        return find(code).orElseThrow(() -> LocalizedException.notFound("services.error.itemNotFound", code));
    }

    /**
     * Items whose code, name, class or department contains every word of {@code query} (any case), of one class when
     * given; disabled items only when {@code withDisabled}.
     */
    public List<ServiceItem> search(@Nullable String query, @Nullable String itemClass, boolean withDisabled) {
        String[] words = query == null || query.isBlank() ? new String[0] : query.strip().toLowerCase(Locale.ROOT).split("\\s+");
        List<ServiceItem> result = new ArrayList<>();
        for (Entry e : index.items()) {
            if (!withDisabled && !e.item().enabled()) {
                continue;
            }
            if (itemClass != null && !itemClass.isBlank() && !e.item().itemClass().equals(itemClass)) {
                continue;
            }
            boolean all = true;
            for (String w : words) {
                if (!e.text().contains(w)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                result.add(e.item());
            }
        }
        return result;
    }

    public int size() {
        return index.items().size();
    }

    /** The classes with their item counts, in the catalog's order. */
    public Map<String, Long> classes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        ServiceItem.CLASSES.forEach(c -> counts.put(c, 0L));
        index.items().stream().filter(e -> e.item().enabled()).forEach(e -> counts.merge(e.item().itemClass(), 1L, Long::sum));
        return counts;
    }

    /** The competent departments the catalog names, each once. */
    public List<String> departments() {
        return index.items().stream().map(e -> e.item().department()).distinct().sorted().toList();
    }

    public List<Bundle> bundles() {
        return index.bundles();
    }

    public Bundle requireBundle(String code) {
        return index.bundles().stream().filter(b -> b.code().equals(code)).findFirst()
                .orElseThrow(() -> LocalizedException.notFound("services.error.bundleNotFound", code));
    }

    /** What an admin may change of an item in the catalog editor. */
    public record ItemEdit(String name, String department, Level homeLevel, boolean sameRights, boolean departmentReview, ItemKind kind, int legalDays,
                           int promisedDays, String fee, Set<Channel> channels, String materials, String guide, boolean enabled) {
    }

    /** Changes an item (admins only); the edit survives later imports. Bad values are refused naming the field. */
    public ServiceItem update(String code, ItemEdit edit, Actor admin) {
        if (!admin.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        ServiceItem old = require(code);
        List<Material> materials;
        try {
            materials = Material.parseAll(edit.materials());
        } catch (RuntimeException e) {
            throw LocalizedException.badRequest("services.error.field", "materials");
        }
        if (edit.guide().length() > 4000) {
            throw LocalizedException.badRequest("services.error.field", "guide");
        }
        if (edit.fee().length() > 200) {
            throw LocalizedException.badRequest("services.error.field", "fee");
        }
        ServiceItem item;
        try {
            item = new ServiceItem(code, edit.name().strip(), old.itemClass(), edit.department().strip(), edit.homeLevel(),
                    edit.sameRights(), edit.departmentReview(), edit.kind(), edit.legalDays(), edit.promisedDays(), edit.fee().strip(), edit.channels(), materials,
                    edit.guide().strip(), edit.enabled(), old.catalogVersion());
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            String field = m.contains("limit") || m.contains("promised") ? "promisedDays" : m.contains("channel") ? "channels"
                    : m.contains("name") ? "name" : "department";
            throw LocalizedException.badRequest("services.error.field", field);
        }
        jdbc.sql("""
                update services_item set name = :name, department = :dept, home_level = :level, same_rights = :same,
                       department_review = :review, kind = :kind,
                       legal_days = :legal, promised_days = :promised, fee = :fee, channels = :channels, materials = :materials,
                       guide = :guide, enabled = :enabled, edited_by = :by, edited_at = :at
                 where code = :code
                """).params(params(item)).param("enabled", item.enabled()).param("by", admin.userId())
                .param("at", Timestamp.from(clock.instant())).update();
        reload();
        return require(code);
    }

    /** Whether 街社同权 is on in a community (on unless switched off). */
    public boolean communitySameRights(String communityCode) {
        return jdbc.sql("select same_rights from services_community_rights where community_code = :c")
                .param("c", communityCode).query(Boolean.class).optional().orElse(true);
    }

    /** Communities of the actor's scope where 街社同权 is switched off. */
    public List<String> communitiesSwitchedOff() {
        return jdbc.sql("select community_code from services_community_rights where not same_rights order by 1").query(String.class).list();
    }

    /** Switches 街社同权 on or off for one community (admins). */
    public void setCommunitySameRights(String communityCode, boolean on, Actor admin) {
        if (!admin.has(Role.ADMIN)) {
            throw LocalizedException.forbidden("error.forbidden");
        }
        if (Level.ofDivision(communityCode) != Level.COMMUNITY) {
            throw LocalizedException.badRequest("services.error.field", "community");
        }
        jdbc.sql("""
                insert into services_community_rights (community_code, same_rights, updated_by, updated_at) values (:c, :on, :by, :at)
                on conflict (community_code) do update set same_rights = excluded.same_rights, updated_by = excluded.updated_by,
                       updated_at = excluded.updated_at
                """).param("c", communityCode).param("on", on).param("by", admin.userId())
                .param("at", Timestamp.from(clock.instant())).update();
    }

    static List<ServiceItem> parseItems(String text, int version) {
        List<ServiceItem> items = new ArrayList<>();
        List<Csv.Row> rows = Csv.read(text, true);
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            if (row.malformed() || f.size() != 14) {
                throw new IllegalStateException(ITEMS + " line " + row.line() + ": 14 fields expected");
            }
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            for (String c : f.get(10).split("\\|")) {
                channels.add(Channel.valueOf(c));
            }
            try {
                items.add(new ServiceItem(f.get(0), f.get(1), f.get(2), f.get(3), Level.valueOf(f.get(4)), Boolean.parseBoolean(f.get(5)),
                        Boolean.parseBoolean(f.get(13)), ItemKind.valueOf(f.get(6)), Integer.parseInt(f.get(7)), Integer.parseInt(f.get(8)), f.get(9), channels,
                        Material.parseAll(f.get(11)), f.get(12), true, version));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(ITEMS + " line " + row.line() + ": " + e.getMessage(), e);
            }
        }
        return items;
    }

    static List<Bundle> parseBundles(String text, List<ServiceItem> items) {
        Set<String> codes = new java.util.HashSet<>(items.stream().map(ServiceItem::code).toList());
        List<Bundle> bundles = new ArrayList<>();
        List<Csv.Row> rows = Csv.read(text, true);
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            if (row.malformed() || f.size() != 6) {
                throw new IllegalStateException(BUNDLES + " line " + row.line() + ": 6 fields expected");
            }
            List<String> itemCodes = List.of(f.get(4).split("\\|"));
            for (String code : itemCodes) {
                if (!codes.contains(code)) {
                    throw new IllegalStateException(BUNDLES + " line " + row.line() + ": unknown item " + code);
                }
            }
            bundles.add(new Bundle(f.get(0), f.get(1), Bundle.Kind.valueOf(f.get(2)), f.get(3).isBlank() ? null : f.get(3), itemCodes,
                    f.get(5)));
        }
        return bundles;
    }

    static int versionOf(String file) {
        Matcher m = VERSION.matcher(file);
        if (!m.find()) {
            throw new IllegalStateException("catalog file name must end in -v<n>.csv: " + file);
        }
        return Integer.parseInt(m.group(1));
    }

    static String text(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String searchText(ServiceItem i) {
        return (i.code() + " " + i.name() + " " + i.itemClass() + " " + i.department()).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> params(ServiceItem item) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", item.code());
        p.put("name", item.name());
        p.put("cls", item.itemClass());
        p.put("dept", item.department());
        p.put("level", item.homeLevel().name());
        p.put("same", item.sameRights());
        p.put("review", item.departmentReview());
        p.put("kind", item.kind().name());
        p.put("legal", item.legalDays());
        p.put("promised", item.promisedDays());
        p.put("fee", item.fee());
        p.put("channels", String.join("|", item.channels().stream().sorted().map(Enum::name).toList()));
        p.put("materials", Material.formatAll(item.materials()));
        p.put("guide", item.guide());
        return p;
    }

    private static ServiceItem row(ResultSet rs) throws SQLException {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String c : rs.getString("channels").split("\\|")) {
            channels.add(Channel.valueOf(c));
        }
        return new ServiceItem(rs.getString("code"), rs.getString("name"), rs.getString("item_class"), rs.getString("department"),
                Level.valueOf(rs.getString("home_level")), rs.getBoolean("same_rights"), rs.getBoolean("department_review"), ItemKind.valueOf(rs.getString("kind")),
                rs.getInt("legal_days"), rs.getInt("promised_days"), rs.getString("fee"), channels,
                Material.parseAll(rs.getString("materials")), rs.getString("guide"), rs.getBoolean("enabled"), rs.getInt("catalog_version"));
    }

    static final Comparator<ServiceItem> BY_CODE = Comparator.comparing(ServiceItem::code);
}
