package nl.weerbaar.situatiebeeld.cap;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Validates CAP messages against the CAP 1.2 schema written from the OASIS specification (test resources) and, when
 * {@code -Dweerbaar.cap.xsd=<file>} names a copy of the OASIS schema itself, against that too.
 */
public final class CapSchema {

    private static final List<Schema> SCHEMAS = load();

    private CapSchema() {
    }

    private static List<Schema> load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            List<Schema> schemas = new ArrayList<>();
            schemas.add(factory.newSchema(CapSchema.class.getResource("/cap/cap-1.2-from-specification.xsd")));
            String official = System.getProperty("weerbaar.cap.xsd");
            if (official != null && Files.exists(Path.of(official))) {
                schemas.add(factory.newSchema(Path.of(official).toFile()));
            }
            return schemas;
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Throws with the schema's reason if the message is not valid CAP 1.2. */
    public static void validate(String xml) throws Exception {
        for (Schema schema : SCHEMAS) {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        }
    }

    /** The CAP alerts inside an Atom feed, each validated on its own; returns them. */
    public static List<Element> validateFeed(String atom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new InputSource(new StringReader(atom)));
        NodeList alerts = feed.getElementsByTagNameNS(CapXml.CAP, "alert");
        List<Element> all = new ArrayList<>();
        for (int i = 0; i < alerts.getLength(); i++) {
            Element alert = (Element) alerts.item(i);
            for (Schema schema : SCHEMAS) {
                schema.newValidator().validate(new DOMSource(alert));
            }
            all.add(alert);
        }
        return all;
    }

    static String child(Element element, String name) {
        NodeList found = element.getElementsByTagNameNS(CapXml.CAP, name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }
}
