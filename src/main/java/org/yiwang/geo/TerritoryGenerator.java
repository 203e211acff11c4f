package org.yiwang.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.yiwang.geo.internal.ChineseNumerals;
import org.yiwang.geo.internal.DivisionCatalog;
import org.yiwang.geo.internal.Geometries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a plausible territory for demos and benchmarks, deterministically from a seed and
 * without a database: the real 秦淮区 (320104) with its twelve real streets (320104001–012),
 * laid out as a 4 × 3 lattice of street rectangles around 32.02 N, 118.80 E — at the demo size the
 * district's real extent, about 118.76–118.84 E, 31.99–32.06 N; larger sizes grow the extent so
 * that grids keep their size. Each street is a quadrilateral mesh whose inner nodes are jittered; a
 * community is a block of mesh cells, a comprehensive grid one cell (about 300 households). Because
 * neighbouring cells share their nodes exactly, the comprehensive grids of a community tile its
 * boundary exactly: no gaps, no overlaps. A few dedicated grids (enterprises, schools, parks …) per
 * street overlap one or two comprehensive grids of their community.
 */
public final class TerritoryGenerator {

    public static final String DISTRICT_CODE = "320104";
    /** Comprehensive grids of the demo territory. */
    public static final int DEMO_GRIDS = 1_000;
    public static final long DEMO_SEED = 320104L;
    public static final int MIN_GRIDS = 240;
    public static final int MAX_GRIDS = 2_000_000;

    private static final double CENTER_LON = 118.80;
    private static final double CENTER_LAT = 32.025;
    private static final double DEMO_WIDTH = 0.08;
    private static final double DEMO_HEIGHT = 0.07;
    private static final int STREET_COLUMNS = 4;
    /** Coordinates are rounded to 1e-7 degrees (about 1 cm). */
    private static final double ROUNDING = 1e7;
    private static final double JITTER = 0.18;

    private static final String[] PLACES = {
            "钓鱼台", "大石坝", "江宁路", "长乐路", "信府河", "武定门", "瑞金北村", "石门坎", "御道街", "光华东街",
            "五老村", "洪武北路", "大光路", "月牙湖", "朝天宫", "双塘园", "中华门", "红花地", "剪子巷", "钞库街",
            "小心桥", "饮马巷", "仁厚里", "老虎头", "止马营", "雨花门", "箍桶巷", "膺福街", "集庆门", "大油坊巷",
            "马道街", "张家衖", "升州路", "白鹭洲", "来凤街", "凤游寺", "评事街", "绒庄街", "糯米巷", "船板巷",
            "木匠营", "七家湾", "堆草巷", "颜料坊", "长白街", "常府街", "游府西街", "太平南路", "白下路", "建康路",
            "文思巷", "三山街", "彩霞街", "殷高巷", "花露岗", "饮虹园", "回龙街", "扫帚巷", "卢妃巷", "金沙井",
            "鸣羊街", "五福街", "边营", "瞻园", "大中桥", "通济门", "半边街", "象房村", "苜蓿园", "明故宫",
            "后标营", "石杨路", "蓝旗街", "卡子门", "双桥门", "养虎巷", "乌衣巷", "桃叶渡", "文德桥", "贡院街",
            "东水关", "西水关", "武学园", "天堂村", "秦淮新村", "应天村", "晨光村", "金陵村", "秣陵路", "夹岗门",
            "宏光村", "四方新村", "铁心桥", "龙蟠里", "甘家巷", "高岗里", "曹都巷", "孝顺里", "窑湾街", "小西湖"};
    private static final String[] VARIANTS = {"", "新村", "花园", "东", "西", "南", "北", "里", "苑", "坊"};

    private final long seed;

    public TerritoryGenerator(long seed) {
        this.seed = seed;
    }

    /** The demo territory: about {@value #DEMO_GRIDS} comprehensive grids, seed {@value #DEMO_SEED}. */
    public static Territory demo() {
        return new TerritoryGenerator(DEMO_SEED).generate(DEMO_GRIDS);
    }

    /**
     * Generates the territory.
     *
     * @param comprehensiveGrids how many comprehensive grids at least ({@value #MIN_GRIDS} to
     *                           {@value #MAX_GRIDS}); a few per cent more come out, plus dedicated grids
     */
    public Territory generate(int comprehensiveGrids) {
        if (comprehensiveGrids < MIN_GRIDS || comprehensiveGrids > MAX_GRIDS) {
            throw new IllegalArgumentException("comprehensive grids must be within " + MIN_GRIDS + ".." + MAX_GRIDS);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Division> catalog = DivisionCatalog.load();
        Division district = catalog.stream().filter(d -> d.code().equals(DISTRICT_CODE)).findFirst().orElseThrow();
        List<Division> streets = catalog.stream()
                .filter(d -> d.level() == DivisionLevel.STREET && DISTRICT_CODE.equals(d.parentCode()))
                .filter(d -> d.code().charAt(6) != '4') // 4xx are development zones, not streets with communities
                .sorted(Comparator.comparing(Division::code))
                .toList();

        double scale = Math.sqrt(comprehensiveGrids / (double) DEMO_GRIDS);
        double width = DEMO_WIDTH * scale;
        double height = DEMO_HEIGHT * scale;
        double west = CENTER_LON - width / 2;
        double south = CENTER_LAT - height / 2;
        int columns = STREET_COLUMNS;
        int rows = (streets.size() + columns - 1) / columns;
        double metresPerDegreeLon = 111_320 * Math.cos(Math.toRadians(CENTER_LAT));
        double metresPerDegreeLat = 110_574;

        double[] columnEdges = edges(west, width, columns, 0.06, random);
        double[][] rowEdges = new double[columns][];
        for (int c = 0; c < columns; c++) {
            rowEdges[c] = edges(south, height, rows, 0.08, random);
        }
        List<Block> streetBlocks = new ArrayList<>(); // reading order: north-west first
        for (int r = rows - 1; r >= 0; r--) {
            for (int c = 0; c < columns; c++) {
                streetBlocks.add(new Block(columnEdges[c], rowEdges[c][r], columnEdges[c + 1], rowEdges[c][r + 1]));
            }
        }
        double totalArea = streetBlocks.subList(0, streets.size()).stream().mapToDouble(Block::area).sum();

        Names names = new Names(random);
        List<Territory.Community> communities = new ArrayList<>();
        List<Territory.GeneratedGrid> grids = new ArrayList<>();
        for (int s = 0; s < streets.size(); s++) {
            Block block = streetBlocks.get(s);
            int cells = (int) Math.ceil(comprehensiveGrids * block.area() / totalArea);
            double widthMetres = block.width() * metresPerDegreeLon;
            double heightMetres = block.height() * metresPerDegreeLat;
            int meshColumns = (int) Math.max(2, Math.round(Math.sqrt(cells * widthMetres / heightMetres)));
            int meshRows = Math.max(2, (cells + meshColumns - 1) / meshColumns);
            generateStreet(streets.get(s), block, meshColumns, meshRows, random, names, communities, grids);
        }
        return new Territory(district, streets, communities, grids);
    }

    private void generateStreet(Division street, Block block, int meshColumns, int meshRows, SplittableRandom random,
                                Names names, List<Territory.Community> communities, List<Territory.GeneratedGrid> grids) {
        Coordinate[][] nodes = mesh(block, meshColumns, meshRows, random);
        int cells = meshColumns * meshRows;
        int wanted = cells <= 150 ? 4 + random.nextInt(5) : (int) Math.round(cells / 15.0);
        wanted = Math.min(wanted, Math.min(999, cells / 2));
        int strips = (int) Math.max(1, Math.min(Math.min(wanted, meshColumns), Math.round(Math.sqrt(wanted * (double) meshColumns / meshRows))));
        while ((wanted + strips - 1) / strips > meshRows && strips < meshColumns) {
            strips++;
        }
        wanted = Math.min(wanted, strips * meshRows);
        int[] stripWidths = split(meshColumns, strips, random);

        List<int[]> communityBlocks = new ArrayList<>(); // {i0, j0, i1, j1} in mesh cells, j counted from the south
        int i0 = 0;
        for (int k = 0; k < strips; k++) {
            int inStrip = wanted / strips + (k < wanted % strips ? 1 : 0);
            int[] heights = split(meshRows, inStrip, random);
            int j1 = meshRows;
            for (int height : heights) { // north to south
                communityBlocks.add(new int[]{i0, j1 - height, i0 + stripWidths[k], j1});
                j1 -= height;
            }
            i0 += stripWidths[k];
        }
        communityBlocks.sort(Comparator.comparingInt((int[] b) -> -b[3]).thenComparingInt(b -> b[0]));

        List<Cell> freeCells = new ArrayList<>();
        List<Territory.Community> streetCommunities = new ArrayList<>();
        for (int k = 0; k < communityBlocks.size(); k++) {
            int[] b = communityBlocks.get(k);
            String code = street.code() + String.format("%03d", k + 1);
            String shortName = names.next();
            Division division = new Division(code, shortName + "社区", DivisionLevel.COMMUNITY, street.code());
            Territory.Community community = new Territory.Community(division, perimeter(nodes, b));
            communities.add(community);
            streetCommunities.add(community);
            int sequence = 1;
            for (int j = b[3] - 1; j >= b[1]; j--) {
                for (int i = b[0]; i < b[2]; i++) {
                    int households = 260 + random.nextInt(81);
                    int population = (int) Math.round(households * (2.3 + random.nextDouble() * 0.6));
                    Polygon cell = polygon(nodes[i][j], nodes[i + 1][j], nodes[i + 1][j + 1], nodes[i][j + 1]);
                    grids.add(new Territory.GeneratedGrid(code + String.format("%03d", sequence),
                            shortName + "社区第" + ChineseNumerals.of(sequence) + "网格", GridKind.COMPREHENSIVE, null,
                            code, households, population, cell));
                    freeCells.add(new Cell(community, i, j, i + 1 < b[2]));
                    sequence++;
                }
            }
        }

        int dedicated = Math.max(2, (int) Math.round(cells / 35.0));
        int[] nextSequence = new int[communityBlocks.size()];
        Set<Long> used = new HashSet<>();
        for (int d = 0; d < dedicated && !freeCells.isEmpty(); d++) {
            Cell cell = freeCells.get(random.nextInt(freeCells.size()));
            boolean wide = cell.hasEastNeighbour && random.nextBoolean();
            if (!used.add(key(cell.i, cell.j)) || (wide && !used.add(key(cell.i + 1, cell.j)))) {
                continue;
            }
            int communityIndex = streetCommunities.indexOf(cell.community);
            String communityCode = cell.community.code();
            String code = communityCode + (901 + nextSequence[communityIndex]++);
            DedicatedType type = DedicatedType.values()[random.nextInt(DedicatedType.values().length - 2)];
            String place = cell.community.division().name().replace("社区", "");
            Polygon geometry = wide ? twoCellSite(nodes, cell.i, cell.j, random) : oneCellSite(nodes, cell.i, cell.j, random);
            grids.add(new Territory.GeneratedGrid(code, siteName(type, place, random), GridKind.DEDICATED, type,
                    communityCode, type == DedicatedType.SCHOOL ? 0 : random.nextInt(4) * 10,
                    200 + random.nextInt(2800), geometry));
        }
    }

    /** Mesh nodes [i][j] (i west to east, j south to north); inner nodes jittered, edge nodes slide along the edge. */
    private static Coordinate[][] mesh(Block block, int columns, int rows, SplittableRandom random) {
        double dx = block.width() / columns;
        double dy = block.height() / rows;
        Coordinate[][] nodes = new Coordinate[columns + 1][rows + 1];
        for (int i = 0; i <= columns; i++) {
            for (int j = 0; j <= rows; j++) {
                double x = i == columns ? block.east : block.west + i * dx;
                double y = j == rows ? block.north : block.south + j * dy;
                boolean innerColumn = i > 0 && i < columns;
                boolean innerRow = j > 0 && j < rows;
                if (innerColumn) {
                    x += (random.nextDouble() * 2 - 1) * JITTER * dx;
                }
                if (innerRow) {
                    y += (random.nextDouble() * 2 - 1) * JITTER * dy;
                }
                nodes[i][j] = new Coordinate(round(x), round(y));
            }
        }
        return nodes;
    }

    /** The boundary of a block of cells through every mesh node on it, counter-clockwise. */
    private static Polygon perimeter(Coordinate[][] nodes, int[] b) {
        List<Coordinate> ring = new ArrayList<>();
        for (int i = b[0]; i < b[2]; i++) {
            ring.add(nodes[i][b[1]]);
        }
        for (int j = b[1]; j < b[3]; j++) {
            ring.add(nodes[b[2]][j]);
        }
        for (int i = b[2]; i > b[0]; i--) {
            ring.add(nodes[i][b[3]]);
        }
        for (int j = b[3]; j > b[1]; j--) {
            ring.add(nodes[b[0]][j]);
        }
        ring.add(ring.getFirst());
        return Geometries.FACTORY.createPolygon(ring.toArray(Coordinate[]::new));
    }

    private static Polygon polygon(Coordinate... corners) {
        Coordinate[] ring = Arrays.copyOf(corners, corners.length + 1);
        ring[corners.length] = corners[0];
        return Geometries.FACTORY.createPolygon(ring);
    }

    /** A site inside cell (i, j): a bilinear sub-quadrilateral, so it stays inside the cell. */
    private static Polygon oneCellSite(Coordinate[][] n, int i, int j, SplittableRandom random) {
        double u0 = 0.1 + random.nextDouble() * 0.2, u1 = 0.7 + random.nextDouble() * 0.2;
        double v0 = 0.1 + random.nextDouble() * 0.2, v1 = 0.7 + random.nextDouble() * 0.2;
        return polygon(at(n, i, j, u0, v0), at(n, i, j, u1, v0), at(n, i, j, u1, v1), at(n, i, j, u0, v1));
    }

    /** A site across the shared edge of cells (i, j) and (i + 1, j); the edge points are shared exactly. */
    private static Polygon twoCellSite(Coordinate[][] n, int i, int j, SplittableRandom random) {
        double u0 = 0.2 + random.nextDouble() * 0.4, u1 = 0.4 + random.nextDouble() * 0.4;
        double v0 = 0.15 + random.nextDouble() * 0.2, v1 = 0.65 + random.nextDouble() * 0.2;
        return polygon(at(n, i, j, u0, v0), at(n, i, j, 1, v0), at(n, i + 1, j, u1, v0),
                at(n, i + 1, j, u1, v1), at(n, i, j, 1, v1), at(n, i, j, u0, v1));
    }

    private static Coordinate at(Coordinate[][] n, int i, int j, double u, double v) {
        Coordinate sw = n[i][j], se = n[i + 1][j], ne = n[i + 1][j + 1], nw = n[i][j + 1];
        double x = (1 - u) * (1 - v) * sw.x + u * (1 - v) * se.x + u * v * ne.x + (1 - u) * v * nw.x;
        double y = (1 - u) * (1 - v) * sw.y + u * (1 - v) * se.y + u * v * ne.y + (1 - u) * v * nw.y;
        return new Coordinate(round(x), round(y));
    }

    private static String siteName(DedicatedType type, String place, SplittableRandom random) {
        return switch (type) {
            case ENTERPRISE -> place + (random.nextBoolean() ? "科技有限公司" : "实业集团");
            case SCHOOL -> "南京市" + place + (random.nextBoolean() ? "小学" : "中学");
            case BUILDING -> place + (random.nextBoolean() ? "大厦" : "国际广场");
            case PARK -> place + (random.nextBoolean() ? "公园" : "文化创意园");
            case HOSPITAL -> place + "社区卫生服务中心";
            case MARKET -> place + (random.nextBoolean() ? "农贸市场" : "商业街");
            case SCENIC_AREA, OTHER -> place + "片区";
        };
    }

    /** Splits {@code start..start+length} at {@code parts - 1} jittered inner edges. */
    private static double[] edges(double start, double length, int parts, double jitter, SplittableRandom random) {
        double[] edges = new double[parts + 1];
        for (int k = 0; k <= parts; k++) {
            double offset = k == 0 || k == parts ? 0 : (random.nextDouble() * 2 - 1) * jitter;
            edges[k] = round(start + length * (k + offset) / parts);
        }
        return edges;
    }

    /** Splits {@code total} into {@code parts} positive sizes of roughly equal size. */
    private static int[] split(int total, int parts, SplittableRandom random) {
        int[] sizes = new int[parts];
        for (int k = 0; k < parts; k++) {
            sizes[k] = total / parts + (k < total % parts ? 1 : 0);
        }
        int floor = Math.max(1, (int) Math.floor(total / (double) parts * 0.7));
        for (int move = 0; move < parts; move++) {
            int from = random.nextInt(parts);
            int to = random.nextInt(parts);
            if (from != to && sizes[from] > floor) {
                sizes[from]--;
                sizes[to]++;
            }
        }
        return sizes;
    }

    private static double round(double degrees) {
        return Math.round(degrees * ROUNDING) / ROUNDING;
    }

    private static long key(int i, int j) {
        return ((long) i << 32) | j;
    }

    private record Block(double west, double south, double east, double north) {
        double width() {
            return east - west;
        }

        double height() {
            return north - south;
        }

        double area() {
            return width() * height();
        }
    }

    private record Cell(Territory.Community community, int i, int j, boolean hasEastNeighbour) {
    }

    /** Community names, unique across the territory, drawn from a shuffled list of old Nanjing place names. */
    private static final class Names {
        private final String[] places;
        private int next;

        Names(SplittableRandom random) {
            places = PLACES.clone();
            for (int k = places.length - 1; k > 0; k--) {
                int other = random.nextInt(k + 1);
                String swap = places[k];
                places[k] = places[other];
                places[other] = swap;
            }
        }

        String next() {
            int k = next++;
            String place = places[k % places.length];
            int variant = k / places.length;
            if (variant < VARIANTS.length) {
                return place + VARIANTS[variant];
            }
            return place + VARIANTS[variant % VARIANTS.length] + ChineseNumerals.of(variant / VARIANTS.length + 1);
        }
    }
}
