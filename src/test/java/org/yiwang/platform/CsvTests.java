package org.yiwang.platform;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's one CSV reader: what the hotline import and the duty-list import rely on beyond their own tests. */
class CsvTests {

    static List<Csv.Row> stream(byte[] bytes, Charset charset) throws IOException {
        List<Csv.Row> rows = new ArrayList<>();
        Csv.stream(new ByteArrayInputStream(bytes), charset, rows::add);
        return rows;
    }

    @Test
    void aGb18030ByteOrderMarkWinsOverTheGivenCharset() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("\uFEFF编号,内容\r\nA1,井盖缺失\r\n".getBytes(Charset.forName("GB18030")));
        List<Csv.Row> rows = stream(file.toByteArray(), StandardCharsets.UTF_8);
        assertThat(rows).extracting(Csv.Row::fields).containsExactly(List.of("编号", "内容"), List.of("A1", "井盖缺失"));
    }

    @Test
    void aLineBreakInsideAQuotedFieldReadsAsLfAndTheNextRecordKeepsItsPhysicalLine() throws IOException {
        List<Csv.Row> rows = stream("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(rows.get(1).fields()).containsExactly("1", "x\ny");
        assertThat(rows.get(2).line()).isEqualTo(4);
    }

    @Test
    void streamingStopsWhenTheReceiverSaysSo() throws IOException {
        List<Csv.Row> rows = new ArrayList<>();
        Csv.stream(new ByteArrayInputStream("a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8,
                row -> rows.add(row) && rows.size() < 2);
        assertThat(rows).hasSize(2);
    }

    @Test
    void strictReadingReportsEachFaultWithItsLineAndReadsOn() {
        List<Csv.Row> rows = Csv.read("h1,h2\n\"a\"b,c\nd\"e,f\ng,\"open\nh,i\n", false);
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 3, 4, 5);
        assertThat(rows).extracting(Csv.Row::fault).containsExactly(null, Csv.Fault.TEXT_AFTER_QUOTE, Csv.Fault.STRAY_QUOTE,
                Csv.Fault.UNTERMINATED_QUOTE, null);
        assertThat(rows.get(4).fields()).containsExactly("h", "i");
    }

    @Test
    void whatIsWrittenReadsBack() {
        List<String> fields = List.of("plain", "with,comma", "with \"quote\"", " padded ", "line\nbreak", "");
        assertThat(Csv.read(Csv.line(fields), false).getFirst().fields()).isEqualTo(fields);
    }
}
