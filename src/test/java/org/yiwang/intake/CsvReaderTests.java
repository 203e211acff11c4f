package org.yiwang.intake;

import org.junit.jupiter.api.Test;
import org.yiwang.intake.reading.CsvReader;
import org.yiwang.intake.reading.MalformedFileException;
import org.yiwang.intake.reading.RowHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTests {

    record Row(long line, List<String> cells) {
    }

    static List<Row> read(byte[] bytes, Charset charset) throws IOException {
        List<Row> rows = new ArrayList<>();
        CsvReader.read(new ByteArrayInputStream(bytes), charset, new RowHandler() {
            @Override
            public void header(List<String> cells) {
                rows.add(new Row(0, List.copyOf(cells)));
            }

            @Override
            public boolean row(long line, List<String> cells) {
                rows.add(new Row(line, List.copyOf(cells)));
                return true;
            }
        });
        return rows;
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndLinesCountPhysically() throws IOException {
        String csv = "\uFEFF工单编号,诉求内容\r\nA1,\"路灯不亮, 已三天\"\r\nA2,\"他说\"\"马上修\"\"\n结果没修\"\n\nA3,最后\n";
        List<Row> rows = read(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(rows.getFirst().cells()).containsExactly("工单编号", "诉求内容");
        assertThat(rows.get(1)).isEqualTo(new Row(2, List.of("A1", "路灯不亮, 已三天")));
        assertThat(rows.get(2)).isEqualTo(new Row(3, List.of("A2", "他说\"马上修\"\n结果没修")));
        // the record of A2 spans lines 3 and 4, the blank line 5 is skipped
        assertThat(rows.get(3)).isEqualTo(new Row(6, List.of("A3", "最后")));
    }

    @Test
    void aGbkExportReadAsUtf8IsRejectedWithItsLineNotGarbled() {
        byte[] gbk = "编号,内容\nA1,井盖缺失\n".getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> read(gbk, StandardCharsets.UTF_8)).isInstanceOf(MalformedFileException.class);
    }

    @Test
    void aGbkExportReadAsGbkIsFine() throws IOException {
        byte[] gbk = "编号,内容\nA1,井盖缺失\n".getBytes(Charset.forName("GBK"));
        assertThat(read(gbk, Charset.forName("GBK")).get(1).cells()).containsExactly("A1", "井盖缺失");
    }

    @Test
    void aQuoteThatNeverEndsIsReportedWithTheLineItStarts() {
        byte[] csv = "a,b\n1,2\n3,\"open\n4,5\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(csv, StandardCharsets.UTF_8)).isInstanceOfSatisfying(MalformedFileException.class,
                e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void theLastRecordNeedsNoLineEnd() throws IOException {
        assertThat(read("a,b\n1,".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).get(1).cells()).containsExactly("1", "");
    }
}
