package org.yiwang.enforcement;

import org.springframework.stereotype.Component;
import org.yiwang.platform.Actor;
import org.yiwang.platform.ChinaTime;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.PersonalData;
import org.yiwang.platform.pdf.PdfReport;
import org.yiwang.workorder.PhotoStore;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The printable 全科执法 责令改正通知书: one document for every department's items of the case — number, party
 * (masked, as on every screen), what the inspection found, the items with their legal basis and penalty range, the
 * period to put things right, the departments that served it, and the first inspection photos.
 */
@Component
public class NoticeDocument {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final int MAX_PHOTOS = 2;

    private final Cases cases;
    private final PhotoStore photos;

    NoticeDocument(Cases cases, PhotoStore photos) {
        this.cases = cases;
        this.photos = photos;
    }

    /** The notice's lines, before any layout: what the PDF prints. */
    public record Content(String number, String party, String address, List<String> findings, List<List<String>> items,
                          String rectifyBy, String requirement, List<String> departments, String issuedOn, List<String> photoIds) {
    }

    public Content content(long caseId, Actor reader) {
        CaseFile file = cases.get(caseId, reader);
        CorrectionNotice notice = file.notice();
        if (notice == null) {
            throw LocalizedException.notFound("enforcement.error.noNotice", file.enforcementCase().number());
        }
        EnforcementCase c = file.enforcementCase();
        String party = file.parties().isEmpty() ? "—" : String.join("、", file.parties().stream()
                .map(p -> PersonalData.maskName(p.name()) + (p.reference() == null ? "" : "（统一社会信用代码 " + p.reference() + "）")).toList());
        List<String> findings = new ArrayList<>();
        List<String> photoIds = new ArrayList<>();
        for (Inspection i : file.inspections()) {
            findings.add(PersonalData.maskText(i.findings()) + (i.failed().isEmpty() ? "" : "（不符合：" + String.join("；", i.failed()) + "）"));
            photoIds.addAll(i.photoIds());
        }
        List<List<String>> items = new ArrayList<>();
        int n = 1;
        for (EnforcementItem item : file.items()) {
            items.add(List.of(Integer.toString(n++), item.matter(), departmentName(item.department()), item.legalBasis(), item.penaltyRange()));
        }
        Set<String> departments = new LinkedHashSet<>();
        departments.add(c.leadDepartmentName());
        file.summons().stream().filter(s -> s.arrivedAt() != null).forEach(s -> departments.add(s.departmentName()));
        return new Content(notice.number(), party, c.address(), findings, items, DAY.format(notice.rectifyBy()), notice.requirement(),
                List.copyOf(departments), DAY.format(notice.issuedAt().atZone(ChinaTime.ZONE)), photoIds.stream().limit(MAX_PHOTOS).toList());
    }

    public byte[] pdf(long caseId, Actor reader) {
        Content content = content(caseId, reader);
        PdfReport report = PdfReport.a4("全科执法 责令改正通知书")
                .keyValues(List.of(Map.entry("文书编号", content.number()), Map.entry("当事人", content.party()),
                        Map.entry("地址", content.address())))
                .heading("经查");
        content.findings().forEach(report::paragraph);
        report.heading("违法事项与依据")
                .table(List.of("序号", "事项", "执法部门", "法律依据", "处罚幅度"), content.items())
                .heading("责令改正")
                .paragraph("上述行为违反了相关法律法规的规定。现责令你（单位）于" + content.rectifyBy() + "前改正：" + content.requirement()
                        + "。逾期不改正的，将依法予以处理。")
                .paragraph("如不服本通知，可在收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。")
                .keyValues(List.of(Map.entry("联合执法部门", String.join("、", content.departments())),
                        Map.entry("日期", content.issuedOn()), Map.entry("当事人签收", "")));
        if (!content.photoIds().isEmpty()) {
            report.heading("现场照片");
            for (String id : content.photoIds()) {
                try {
                    report.image(photos.read(id), 220);
                } catch (RuntimeException e) {
                    report.paragraph("（照片 " + id + " 无法读取）");
                }
            }
        }
        return report.toBytes();
    }

    static String departmentName(Department d) {
        return switch (d) {
            case LAW_ENFORCEMENT -> "综合行政执法";
            case POLICE -> "公安";
            case TRAFFIC_POLICE -> "交警";
            case WORK_SAFETY -> "安监（应急管理）";
            case ENVIRONMENT -> "环保（生态环境）";
            case MARKET -> "市场监管";
            case FIRE -> "消防";
            case HOUSING -> "住建";
            case WATER -> "水务";
            case LAND -> "自然资源";
        };
    }
}
