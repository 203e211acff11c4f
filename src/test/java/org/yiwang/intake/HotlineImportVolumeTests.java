package org.yiwang.intake;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.yiwang.geo.GridLocator;
import org.yiwang.geo.IndexedGrid;
import org.yiwang.intake.reading.TableFormat;
import org.yiwang.platform.Actor;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated hotline file (100,000 rows when measured, see README "Benchmarks"; 5,000 in the everyday
 * suite), written to disk and imported as a stream: prints the throughput (rows/s) and the heap the import needed, then imports the same file again to show that nothing is created
 * twice. Timings are printed, not asserted. Its own context, closed afterwards, so that the events of
 * 100,000 orders do not slow the other tests down.
 */
@SpringBootTest(properties = "yiwang.intake.imports.chunk-size=250")
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HotlineImportVolumeTests {

    /** 100,000 for the measurement in README "Benchmarks" ({@code -Dintake.volume.rows=100000}); fewer in the everyday suite. */
    static final int ROWS = Integer.getInteger("intake.volume.rows", 5_000);
    static final int ADDRESSES = Math.min(20_000, ROWS);

    @Autowired ApplicationContext context;
    @Autowired Imports imports;
    @Autowired StandardAddresses addresses;
    @Autowired GridLocator locator;
    @Autowired org.yiwang.catalog.Catalog catalog;

    @Test
    void aHundredThousandRowHotlineFileStreamsThroughAndImportsOnce() throws Exception {
        IntakeFixtures fixtures = new IntakeFixtures(context);
        Actor admin = fixtures.actor("admin");
        Actor dispatcher = fixtures.actor("dispatcher");
        Path folder = Files.createDirectories(Path.of("target", "intake-volume"));

        // the standard-address table: 20,000 door plates at random points of the district's grids
        List<IndexedGrid> grids = locator.index().grids().stream().filter(g -> g.code().startsWith("320104")).toList();
        Random random = new Random(311);
        GeometryFactory geometry = new GeometryFactory();
        Path addressFile = folder.resolve("addresses.csv");
        try (BufferedWriter out = Files.newBufferedWriter(addressFile, StandardCharsets.UTF_8)) {
            out.write("地址编码,标准地址,经度,纬度\n");
            for (int i = 0; i < ADDRESSES; i++) {
                IndexedGrid grid = grids.get(random.nextInt(grids.size()));
                Envelope box = grid.geometry().getEnvelopeInternal();
                Coordinate at = grid.geometry().getInteriorPoint().getCoordinate();
                for (int attempt = 0; attempt < 20; attempt++) {
                    Coordinate c = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                            box.getMinY() + random.nextDouble() * box.getHeight());
                    if (grid.geometry().contains(geometry.createPoint(c))) {
                        at = c;
                        break;
                    }
                }
                out.write("VOL" + i + ",测试路" + i + "号," + at.getX() + "," + at.getY() + "\n");
            }
        }
        StandardAddresses.ImportResult loaded = addresses.importFile(addressFile, TableFormat.CSV, StandardCharsets.UTF_8, admin);
        assertThat(loaded.saved()).isEqualTo(ADDRESSES);

        // 100,000 orders: 97 % at a standard address (with the city and district in front, "门口" behind),
        // 2 % at an address nobody knows (left for a dispatcher), 1 % with a call time that is no time;
        // four in five name a category of the catalog as their 诉求类型, the rest only "投诉" (the sorter decides)
        List<String> categoryNames = catalog.categories().stream().filter(c -> c.enabled() && c.code().startsWith("M"))
                .map(org.yiwang.catalog.Category::name).toList();
        String[] problems = {"路面破损，坑洼积水", "垃圾堆放多日无人清理", "路灯不亮", "占道经营，影响通行", "井盖松动有响声",
                "夜间施工噪音扰民", "共享单车乱停放", "小广告张贴", "绿化带树木倒伏", "下水道堵塞反味"};
        Path file = folder.resolve("hotline-" + ROWS + ".csv");
        int expectedPending = 0;
        int expectedRejected = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("工单编号,来电时间,诉求人,联系电话,诉求内容,地址,诉求类型,紧急程度,办理时限\n");
            for (int i = 0; i < ROWS; i++) {
                String address;
                String calledAt = String.format(Locale.ROOT, "2026-05-%02d %02d:%02d:00", 1 + i % 28, i % 24, i % 60);
                if (i % 100 == 1) {
                    calledAt = "昨天";
                    expectedRejected++;
                    address = "测试路1号";
                } else if (i % 50 == 0) {
                    address = "无名巷" + i + "号";
                    expectedPending++;
                } else {
                    address = "南京市秦淮区测试路" + (i % ADDRESSES) + "号门口";
                }
                String type = i % 5 == 0 ? "投诉" : categoryNames.get(i % categoryNames.size());
                out.write("VOL-" + i + "," + calledAt + ",王小" + (i % 10) + ",139" + String.format("%08d", i)
                        + ",\"" + problems[i % problems.length] + "，来电人称已持续" + (1 + i % 9) + "天, 请尽快处理\"," + address + ","
                        + type + "," + (i % 7 == 0 ? "紧急" : "一般") + ",3个工作日\n");
            }
        }
        long fileBytes = Files.size(file);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        ImportSummary first;
        try (InputStream in = Files.newInputStream(file)) {
            first = imports.start(ReportKind.HOTLINE, in, file.getFileName().toString(), "text/csv", null, StandardCharsets.UTF_8, true, dispatcher);
        }
        long seconds = System.nanoTime() - started;
        running.set(false);
        sampler.join();

        System.out.printf(Locale.ROOT, "%n[hotline import] %,d rows (%,d bytes): %,d created, %,d pending, %,d duplicates, %,d rejected "
                        + "in %.1f s = %,.0f rows/s; heap before %,d MB, peak %,d MB (max heap %,d MB)%n",
                first.rows(), fileBytes, first.created(), first.pending(), first.duplicates(), first.rejected(),
                seconds / 1e9, first.rowsPerSecond(), heapBefore >> 20, peak.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);

        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.policy()).isEqualTo(ImportSummary.POLICY_PER_ROW);
        assertThat(first.rows()).isEqualTo(ROWS);
        assertThat(first.rejected()).isEqualTo(expectedRejected);
        assertThat(first.pending()).isEqualTo(expectedPending);
        assertThat(first.created()).isEqualTo(ROWS - expectedRejected - expectedPending);
        assertThat(imports.problems(first.id(), 0, 5)).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3); // the row of VOL-1: header is line 1
            assertThat(p.field()).isEqualTo("来电时间");
        });

        // the same file again: nothing is created twice
        long again = System.nanoTime();
        ImportSummary second;
        try (InputStream in = Files.newInputStream(file)) {
            second = imports.start(ReportKind.HOTLINE, in, file.getFileName().toString(), "text/csv", null, StandardCharsets.UTF_8, true, dispatcher);
        }
        System.out.printf(Locale.ROOT, "[hotline import, same file again] %,d duplicates, %,d created in %.1f s = %,.0f rows/s%n%n",
                second.duplicates(), second.created(), (System.nanoTime() - again) / 1e9, second.rowsPerSecond());
        assertThat(second.created()).isZero();
        assertThat(second.pending()).isZero();
        assertThat(second.duplicates()).isEqualTo(ROWS - expectedRejected);
        Files.deleteIfExists(file);
    }
}
