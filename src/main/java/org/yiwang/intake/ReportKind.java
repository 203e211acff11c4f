package org.yiwang.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two kinds of external report that arrive as single JSON documents or as rows of a file, with
 * their columns. Each column has an English field name (JSON, problems) and the Chinese headings the
 * other systems' exports use; a file may use either, in any order, with further columns ignored.
 */
public enum ReportKind {

    /** 12345 热线工单. */
    HOTLINE(Channel.HOTLINE_12345, List.of(
            new Column("externalNo", true, "工单编号", "工单号", "编号"),
            new Column("calledAt", true, "来电时间", "受理时间", "登记时间"),
            new Column("caller", false, "诉求人", "来电人", "姓名", "联系人"),
            new Column("phone", false, "联系电话", "来电号码", "电话", "联系方式"),
            new Column("content", true, "诉求内容", "内容", "问题描述", "工单内容"),
            new Column("address", false, "地址", "诉求地址", "事发地址", "事发地点"),
            new Column("addressCode", false, "地址编码", "标准地址编码"),
            new Column("type", false, "诉求类型", "类型", "问题类型", "诉求分类"),
            new Column("urgency", false, "紧急程度", "缓急程度"),
            new Column("due", false, "办理时限", "时限", "要求办结时间"),
            new Column("lon", false, "经度", "lng", "longitude"),
            new Column("lat", false, "纬度", "latitude"),
            new Column("crs", false, "坐标系"))),

    /** 数字城管案件 (GB/T 47678.5 categories, 部件标识码, 单元网格码). */
    URBAN_CASE(Channel.URBAN_MANAGEMENT, List.of(
            new Column("caseNo", true, "案件编号", "案件号", "任务号"),
            new Column("reportedAt", true, "上报时间", "发现时间", "立案时间"),
            new Column("kind", false, "案件类型", "案件类别", "问题类型"),
            new Column("categoryCode", false, "类别代码", "小类代码", "问题类别代码", "事部件代码"),
            new Column("majorCode", false, "大类代码"),
            new Column("minorCode", false, "小类编码", "小类序号"),
            new Column("description", true, "问题描述", "案件描述", "描述"),
            new Column("address", false, "地址", "位置描述", "发生地址", "问题地址"),
            new Column("addressCode", false, "地址编码", "标准地址编码"),
            new Column("componentId", false, "部件标识码", "部件编码", "部件编号"),
            new Column("unitGridCode", false, "单元网格码", "单元网格编码", "单元网格"),
            new Column("caseSource", false, "案件来源", "问题来源"),
            new Column("reporter", false, "上报人", "监督员"),
            new Column("phone", false, "联系电话", "电话"),
            new Column("urgency", false, "紧急程度"),
            new Column("due", false, "处置时限", "办理时限", "时限"),
            new Column("lon", false, "经度"),
            new Column("lat", false, "纬度"),
            new Column("crs", false, "坐标系")));

    private final Channel channel;
    private final List<Column> columns;

    ReportKind(Channel channel, List<Column> columns) {
        this.channel = channel;
        this.columns = columns;
    }

    public Channel channel() {
        return channel;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The column a file heading names (English field name or a Chinese heading, any case, blanks ignored). */
    public Optional<Column> column(String heading) {
        if (heading == null) {
            return Optional.empty();
        }
        String h = heading.strip().replace("\uFEFF", "").replace(" ", "").replace("*", "");
        for (Column column : columns) {
            if (column.name().equalsIgnoreCase(h) || column.name().toLowerCase(Locale.ROOT).equals(h.replace("_", "").toLowerCase(Locale.ROOT))) {
                return Optional.of(column);
            }
            for (String alias : column.headings()) {
                if (alias.equalsIgnoreCase(h)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    /** The field that carries the external number. */
    public String numberField() {
        return columns.getFirst().name();
    }

    public static Optional<ReportKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "hotline", "12345" -> Optional.of(HOTLINE);
            case "urban-case", "urban-cases", "urban_case", "dcm" -> Optional.of(URBAN_CASE);
            default -> Optional.empty();
        };
    }

    /**
     * A column of the kind.
     *
     * @param name the English field name, as in JSON
     * @param headings the headings other systems' exports use for it
     */
    public record Column(String name, boolean required, String... headings) {
    }
}
