package nl.weerbaar.situatiebeeld.cap;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** CAP 1.2 messages as XML, alone or as the entries of an exercise's Atom feed. */
final class CapXml {

    static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String MEDIA_TYPE = "application/cap+xml";
    /** CAP's date-time: seconds and a numeric offset, never "Z". */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private CapXml() {
    }

    static String time(OffsetDateTime t) {
        return TIME.format(t);
    }

    static String message(CapMessage m) {
        return write(w -> {
            w.writeStartDocument("UTF-8", "1.0");
            alert(w, m);
            w.writeEndDocument();
        });
    }

    /** The feed, newest first; {@code base} is the exercise's CAP path, to which entries link. */
    static String feed(String exerciseId, String title, OffsetDateTime updated, String base, List<CapMessage> newestFirst) {
        return write(w -> {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            text(w, "id", "urn:weerbaar:" + exerciseId + ":cap");
            text(w, "title", title);
            text(w, "updated", time(updated));
            w.writeStartElement("author");
            text(w, "name", "Weerbaar situatiebeeld");
            w.writeEndElement();
            link(w, "self", "application/atom+xml", base);
            for (CapMessage m : newestFirst) {
                w.writeStartElement("entry");
                text(w, "id", "urn:weerbaar:cap:" + m.identifier());
                text(w, "title", m.infos().getFirst().headline());
                text(w, "updated", time(m.sent()));
                link(w, "alternate", MEDIA_TYPE, base + "/" + m.identifier());
                w.writeStartElement("content");
                w.writeAttribute("type", MEDIA_TYPE);
                alert(w, m);
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
        });
    }

    private static void alert(XMLStreamWriter w, CapMessage m) throws XMLStreamException {
        w.writeStartElement("alert");
        w.writeDefaultNamespace(CAP);
        text(w, "identifier", m.identifier());
        text(w, "sender", CapMessage.SENDER);
        text(w, "sent", time(m.sent()));
        text(w, "status", m.status());
        text(w, "msgType", m.msgType());
        text(w, "scope", m.scope());
        optional(w, "restriction", m.restriction());
        optional(w, "note", m.note());
        optional(w, "references", m.references());
        for (CapMessage.Info info : m.infos()) {
            w.writeStartElement("info");
            text(w, "language", info.language());
            for (String category : info.categories()) {
                text(w, "category", category);
            }
            text(w, "event", info.event());
            text(w, "responseType", info.responseType());
            text(w, "urgency", info.urgency());
            text(w, "severity", info.severity());
            text(w, "certainty", info.certainty());
            text(w, "senderName", info.senderName());
            text(w, "headline", info.headline());
            optional(w, "description", info.description());
            for (CapMessage.Area area : info.areas()) {
                w.writeStartElement("area");
                text(w, "areaDesc", area.description());
                for (String polygon : area.polygons()) {
                    text(w, "polygon", polygon);
                }
                for (String circle : area.circles()) {
                    text(w, "circle", circle);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    private static void optional(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null) {
            text(w, name, value);
        }
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            body.write(w);
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a CAP message could not be written", e);
        }
        return out.toString();
    }
}
