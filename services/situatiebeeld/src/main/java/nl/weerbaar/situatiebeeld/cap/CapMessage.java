package nl.weerbaar.situatiebeeld.cap;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One CAP 1.2 alert message as Weerbaar fills it: an alert raised on the picture or its end, or a public warning of
 * the crisis team, with a Dutch and an English {@code info} block that share categories, urgency and area.
 */
record CapMessage(String identifier, OffsetDateTime sent, String status, String msgType, String scope,
                  String restriction, String note, String references, List<Info> infos) {

    static final String SENDER = "situatiebeeld@weerbaar.nl";

    record Info(String language, List<String> categories, String event, String responseType, String urgency,
                String severity, String certainty, String senderName, String headline, String description,
                List<Area> areas) {
    }

    /** Where: a description, and circles ({@code lat,lon radius-km}) or a polygon ({@code lat,lon} pairs, closed). */
    record Area(String description, List<String> polygons, List<String> circles) {
    }
}
