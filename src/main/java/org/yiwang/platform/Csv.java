package org.yiwang.platform;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Comma-separated values (RFC 4180), the one way the platform reads and writes them, on Apache Commons CSV:
 * quoted fields may hold commas, doubled quotes and line breaks; records end at LF, CRLF or CR; every record
 * knows the physical line it starts on, for problems that name it. Two ways to read:
 * <ul>
 * <li>{@link #stream}: a file of any size as a stream of bytes, in the given charset unless a byte-order
 *     mark says UTF-8 or GB18030; lenient as spreadsheet programs are (a stray quote or text after a closing
 *     quote is kept as text, a line break inside a field reads as LF); a file that
 *     cannot be read at all stops with {@link MalformedCsvException} naming the line.</li>
 * <li>{@link #read}: a small text held in memory, strictly: a malformed record is returned with its
 *     {@link Fault} and reading goes on at the next line, so that one bad line does not hide the others.</li>
 * </ul>
 * Blank records are skipped by both.
 */
public final class Csv {

    /** Memory is bounded by the longest record (about this many characters, plus a read buffer). */
    public static final int MAX_RECORD_CHARS = 1 << 20;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] GB18030_BOM = {(byte) 0x84, (byte) 0x31, (byte) 0x95, (byte) 0x33};

    private static final CSVFormat LENIENT = CSVFormat.RFC4180.builder().setTrailingData(true).get();
    private static final CSVFormat STRICT = CSVFormat.RFC4180;
    private static final CSVFormat STRICT_WITH_COMMENTS = CSVFormat.RFC4180.builder().setCommentMarker('#').get();

    private Csv() {
    }

    /** What is wrong with a malformed record. */
    public enum Fault {
        /** A quoted field runs to the end of the file. */
        UNTERMINATED_QUOTE,
        /** Something other than a comma or line end follows a closing quote. */
        TEXT_AFTER_QUOTE,
        /** A quote appears inside a field that does not start with one. */
        STRAY_QUOTE
    }

    /**
     * A record.
     *
     * @param line   1-based line where the record starts
     * @param fields the fields, empty when the record is malformed
     * @param fault  null for a well-formed record
     */
    public record Row(int line, List<String> fields, Fault fault) {

        public Row {
            fields = List.copyOf(fields);
        }

        public boolean malformed() {
            return fault != null;
        }
    }

    /** The file cannot be read on: bytes not valid in its charset, a quote that never ends, a record too long. */
    public static final class MalformedCsvException extends RuntimeException {

        private final long line;

        MalformedCsvException(long line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        /** The line where reading stopped. */
        public long line() {
            return line;
        }
    }

    /**
     * Reads {@code input} record by record into {@code each} until it answers false or the input ends. The
     * bytes are decoded in {@code charset} unless they start with a UTF-8 or GB18030 byte-order mark.
     */
    public static void stream(InputStream input, Charset charset, Predicate<Row> each) throws IOException {
        PushbackInputStream in = new PushbackInputStream(input, GB18030_BOM.length);
        Charset actual = charset;
        byte[] start = in.readNBytes(GB18030_BOM.length);
        int skip = 0;
        if (startsWith(start, UTF8_BOM)) {
            actual = StandardCharsets.UTF_8;
            skip = UTF8_BOM.length;
        } else if (startsWith(start, GB18030_BOM)) {
            actual = Charset.forName("GB18030");
            skip = GB18030_BOM.length;
        }
        in.unread(start, skip, start.length - skip);
        CharsetDecoder decoder = actual.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        BoundedReader reader = new BoundedReader(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16));
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(LENIENT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
                reader.recordStarts(line);
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw malformed(e.getCause(), line, parser.getCurrentLineNumber() + 1);
                }
                // a line break inside a quoted field reads as LF, whatever the file's line ends are
                List<String> fields = record.stream().map(f -> f.indexOf('\r') < 0 ? f : f.replace("\r\n", "\n").replace('\r', '\n')).toList();
                if (!blank(fields) && !each.test(new Row(line, fields, null))) {
                    return;
                }
            }
        } catch (MalformedCsvException e) {
            throw e;
        } catch (IOException e) {
            throw malformed(e, 1, 1);
        }
    }

    /**
     * The records of {@code text}, strictly: malformed ones carry their fault. Lines starting with
     * {@code #} are skipped when {@code comments} is on.
     */
    public static List<Row> read(String text, boolean comments) {
        List<Integer> lineStarts = lineStarts(text);
        List<Row> rows = new ArrayList<>();
        int firstLine = 1; // the line the parser's input starts on
        while (firstLine <= lineStarts.size()) {
            String rest = text.substring(lineStarts.get(firstLine - 1));
            int resumeAt = -1;
            try (CSVParser parser = CSVParser.builder().setReader(new StringReader(rest))
                    .setFormat(comments ? STRICT_WITH_COMMENTS : STRICT).get()) {
                Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    int line = firstLine + (int) parser.getCurrentLineNumber();
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    } catch (UncheckedIOException e) {
                        boolean unterminated = String.valueOf(e.getCause().getMessage()).contains("EOF reached");
                        rows.add(new Row(line, List.of(), unterminated ? Fault.UNTERMINATED_QUOTE : Fault.TEXT_AFTER_QUOTE));
                        // read on after the line the record starts on, or after the line the fault is on
                        int faultLine = firstLine + (int) Math.max(parser.getCurrentLineNumber() - 1, 0);
                        resumeAt = unterminated ? line + 1 : Math.max(faultLine, line) + 1;
                        break;
                    }
                    List<String> fields = record.toList();
                    if (fields.size() == 1 && fields.getFirst().isEmpty()) {
                        continue; // an empty line
                    }
                    int end = firstLine + (int) parser.getCurrentLineNumber(); // the line after the record, when it ended with one
                    String raw = text.substring(lineStarts.get(line - 1), end > line && end <= lineStarts.size() ? lineStarts.get(end - 1) : text.length());
                    rows.add(strayQuote(fields, raw) ? new Row(line, List.of(), Fault.STRAY_QUOTE) : new Row(line, fields, null));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (resumeAt < 0) {
                break;
            }
            firstLine = resumeAt;
        }
        return rows;
    }

    /** One record, ending with CRLF, its fields quoted where they need it. */
    public static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    /** A field as written: quoted when it holds a comma, quote or line break, or begins or ends with white space. */
    public static String quote(String field) {
        if (field == null) {
            return "";
        }
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || (!field.isEmpty() && (Character.isWhitespace(field.charAt(0))
                || Character.isWhitespace(field.charAt(field.length() - 1))));
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /**
     * Whether a field holds a quote that was not written doubled inside a quoted field. Commons CSV keeps such
     * a quote as text (as spreadsheet programs do); strict reading refuses it.
     */
    private static boolean strayQuote(List<String> fields, String raw) {
        for (String field : fields) {
            if (field.indexOf('"') >= 0 && !raw.contains(field.replace("\"", "\"\""))) {
                return true;
            }
        }
        return false;
    }

    private static MalformedCsvException malformed(Throwable cause, long recordLine, long currentLine) {
        if (cause instanceof MalformedCsvException m) {
            return m;
        }
        if (cause instanceof CharacterCodingException) {
            return new MalformedCsvException(currentLine, "bytes on line " + currentLine + " are not valid text in the file's encoding", cause);
        }
        if (cause != null && String.valueOf(cause.getMessage()).contains("EOF reached")) {
            return new MalformedCsvException(recordLine, "a quoted field that starts on line " + recordLine + " never ends", cause);
        }
        return new MalformedCsvException(recordLine, "the record on line " + recordLine + " cannot be read: "
                + (cause == null ? "" : cause.getMessage()), cause);
    }

    private static boolean blank(List<String> fields) {
        return fields.stream().allMatch(String::isBlank);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Offsets where each line starts (after LF, CRLF or CR). */
    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if ((c == '\r' || c == '\n') && i + 1 < text.length()) {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    /** Stops a record that would hold the whole file in memory. */
    private static final class BoundedReader extends Reader {

        private final Reader in;
        private long charsInRecord;
        private long recordLine = 1;

        BoundedReader(Reader in) {
            this.in = in;
        }

        void recordStarts(long line) {
            charsInRecord = 0;
            recordLine = line;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (charsInRecord += n) > MAX_RECORD_CHARS + (1 << 16)) {
                throw new MalformedCsvException(recordLine, "the record on line " + recordLine + " is longer than "
                        + MAX_RECORD_CHARS + " characters", null);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
