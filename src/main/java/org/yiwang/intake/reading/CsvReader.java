package org.yiwang.intake.reading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 comma-separated values, read as a stream: quoted fields may hold commas, doubled quotes and
 * line breaks; records end at LF, CRLF or CR. Bytes that are not valid in the charset stop the reading
 * with the line they are on (a GBK export read as UTF-8 is rejected, not garbled). Empty records are
 * skipped; memory is bounded by the longest record ({@value #MAX_RECORD_CHARS} characters).
 */
public final class CsvReader {

    static final int MAX_RECORD_CHARS = 1 << 20;

    private CsvReader() {
    }

    public static void read(InputStream input, Charset charset, RowHandler handler) throws IOException {
        PushbackInputStream in = new PushbackInputStream(input, 3);
        byte[] bom = in.readNBytes(3);
        boolean utf8Bom = bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF;
        if (!utf8Bom && bom.length > 0) {
            in.unread(bom);
        }
        CharsetDecoder decoder = (utf8Bom ? StandardCharsets.UTF_8 : charset).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        new Parser(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16), handler).run();
    }

    private static final class Parser {

        private final Reader reader;
        private final RowHandler handler;
        private long line = 1;
        private int pushedBack = -2;
        private boolean headerSeen;

        Parser(Reader reader, RowHandler handler) {
            this.reader = reader;
            this.handler = handler;
        }

        private int next() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            try {
                return reader.read();
            } catch (CharacterCodingException e) {
                throw new MalformedFileException(line, "bytes on line " + line + " are not valid text in the file's encoding", e);
            }
        }

        void run() throws IOException {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            long recordLine = line;
            int recordChars = 0;
            boolean quoted = false;
            boolean fieldStarted = false;
            boolean afterQuote = false;
            while (true) {
                int c = next();
                if (c == -1) {
                    if (quoted) {
                        throw new MalformedFileException(recordLine, "a quoted field that starts on line " + recordLine + " never ends", null);
                    }
                    if (fieldStarted || !fields.isEmpty()) {
                        fields.add(field.toString());
                        emit(recordLine, fields);
                    }
                    return;
                }
                if (++recordChars > MAX_RECORD_CHARS) {
                    throw new MalformedFileException(recordLine, "the record on line " + recordLine + " is longer than "
                            + MAX_RECORD_CHARS + " characters", null);
                }
                if (quoted) {
                    if (c == '"') {
                        int d = next();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            afterQuote = true;
                            pushedBack = d;
                        }
                    } else {
                        if (c == '\n' || (c == '\r')) {
                            if (c == '\r') {
                                int d = next();
                                if (d != '\n') {
                                    pushedBack = d;
                                }
                                field.append('\n');
                            } else {
                                field.append('\n');
                            }
                            line++;
                        } else {
                            field.append((char) c);
                        }
                    }
                    continue;
                }
                switch (c) {
                    case ',' -> {
                        fields.add(field.toString());
                        field.setLength(0);
                        fieldStarted = true;
                        afterQuote = false;
                    }
                    case '\r', '\n' -> {
                        if (c == '\r') {
                            int d = next();
                            if (d != '\n') {
                                pushedBack = d;
                            }
                        }
                        if (fieldStarted || !fields.isEmpty() || field.length() > 0) {
                            fields.add(field.toString());
                            if (!emit(recordLine, fields)) {
                                return;
                            }
                        }
                        fields = new ArrayList<>();
                        field.setLength(0);
                        fieldStarted = false;
                        afterQuote = false;
                        line++;
                        recordLine = line;
                        recordChars = 0;
                    }
                    case '"' -> {
                        if (field.length() == 0 && !afterQuote) {
                            quoted = true;
                            fieldStarted = true;
                        } else {
                            // a stray quote inside an unquoted field: keep it as text, as spreadsheet programs do
                            field.append('"');
                        }
                    }
                    default -> {
                        if (afterQuote) {
                            // text after a closing quote: kept, as spreadsheet programs do
                            afterQuote = false;
                        }
                        field.append((char) c);
                        fieldStarted = true;
                    }
                }
            }
        }

        private boolean emit(long at, List<String> fields) {
            boolean blank = fields.stream().allMatch(String::isBlank);
            if (blank) {
                return true;
            }
            if (!headerSeen) {
                headerSeen = true;
                handler.header(List.copyOf(fields));
                return true;
            }
            return handler.row(at, fields);
        }
    }
}
