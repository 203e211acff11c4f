package org.yiwang.open311.georeport;

import tools.jackson.databind.json.JsonMapper;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GeoReport v2's two formats, from the answer records of {@link GeoReportJson}: JSON as it is, XML from the
 * same JSON tree with the spec's
 * element names — a list becomes its plural element holding one singular element per item
 * ({@code <services><service>}, {@code <service_requests><request>}, {@code <attributes><attribute>},
 * {@code <values><value>}, {@code <errors><error>}, {@code <endpoints><endpoint>}, {@code <formats><format>}).
 * Null values are empty elements in XML and null in JSON; both are UTF-8.
 */
public enum Formats {
    XML("text/xml; charset=utf-8"),
    JSON("application/json; charset=utf-8");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();
    private static final Map<String, String> ITEMS = Map.ofEntries(
            Map.entry("services", "service"),
            Map.entry("service_requests", "request"),
            Map.entry("attributes", "attribute"),
            Map.entry("values", "value"),
            Map.entry("errors", "error"),
            Map.entry("endpoints", "endpoint"),
            Map.entry("formats", "format"),
            Map.entry("notes", "note"),
            Map.entry("extended_attributes", "attribute"));

    private final String contentType;

    Formats(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<Formats> of(String suffix) {
        if (suffix == null) {
            return Optional.empty();
        }
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "xml" -> Optional.of(XML);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /**
     * @param root the XML root element ({@code services}, {@code service_requests}, {@code errors},
     *             {@code service_definition}, {@code discovery}); JSON has no root name
     * @param body a record or a list of records (of {@link GeoReportJson})
     */
    public byte[] write(String root, Object body) {
        return switch (this) {
            case JSON -> MAPPER.writeValueAsBytes(body);
            case XML -> xml(root, MAPPER.convertValue(body, Object.class));
        };
    }

    private static byte[] xml(String root, Object body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, body);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                element(xml, String.valueOf(entry.getKey()), entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            String item = ITEMS.getOrDefault(name, "item");
            for (Object each : list) {
                element(xml, item, each);
            }
        } else {
            xml.writeCharacters(text(value));
        }
        xml.writeEndElement();
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            // plain decimals (never 1.0E-4), as xs:decimal has them
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        String s = String.valueOf(value);
        // characters XML 1.0 cannot carry are dropped rather than breaking the document
        StringBuilder clean = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isSurrogate(c);
            if (!allowed) {
                if (clean == null) {
                    clean = new StringBuilder(s.substring(0, i));
                }
            } else if (clean != null) {
                clean.append(c);
            }
        }
        return clean == null ? s : clean.toString();
    }
}
