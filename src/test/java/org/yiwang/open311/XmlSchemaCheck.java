package org.yiwang.open311;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ErrorHandler;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks XML documents against the GeoReport v2 XML Schemas in {@code src/test/resources/open311/xsd}
 * with the JDK's validator: element names and nesting, required elements, types (booleans, integers,
 * decimals, date-times with a timezone, the enumerations).
 */
final class XmlSchemaCheck {

    private XmlSchemaCheck() {
    }

    static List<String> violations(String name, byte[] document) {
        List<String> problems = new ArrayList<>();
        try {
            URL xsd = XmlSchemaCheck.class.getResource("/open311/xsd/" + name + ".xsd");
            if (xsd == null) {
                throw new IllegalArgumentException("no XML schema " + name);
            }
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            Schema schema = factory.newSchema(xsd);
            Validator validator = schema.newValidator();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }
}
