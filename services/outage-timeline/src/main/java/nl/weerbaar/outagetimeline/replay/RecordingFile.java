package nl.weerbaar.outagetimeline.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.Violation;
import nl.weerbaar.kit.web.ApiException;

/**
 * An exercise's recording as a file another installation can import: JSON Lines, a header line and then one line per
 * event of all four streams in scenario-time order (the order a replay plays them), each with its type, topic, key,
 * id, source, scenario time, time, cause and payload. The zip holds the same lines ({@code events.jsonl}) and the
 * events as CSV ({@code events.csv}, for a spreadsheet). Reading checks every line against the contracts and refuses
 * the whole file, with the line, if one is wrong.
 */
public final class RecordingFile {

    public static final String FORMAT = "weerbaar-recording/1";
    static final String JSONL = "events.jsonl";
    static final String CSV = "events.csv";
    private static final ObjectMapper JSON = EventJson.mapper();

    /** What the file says about the exercise it comes from. */
    public record Header(String format, String exerciseId, String scenarioId, String scenarioName, long seed,
                         String status, long startOffsetSeconds, long positionSeconds, long durationSeconds,
                         int events) {
    }

    /** A file read: its header, its events, and the digest of its lines (what an import's id is derived from). */
    public record Read(Header header, List<RecordedEvent> events, String digest) {
    }

    private RecordingFile() {
    }

    public static void writeJsonl(Header header, List<RecordedEvent> events, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(JSON.writeValueAsString(header));
        writer.write('\n');
        for (RecordedEvent e : events) {
            writer.write(text(e));
            writer.write('\n');
        }
        writer.flush();
    }

    public static void writeZip(Header header, List<RecordedEvent> events, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(JSONL));
        writeJsonl(header, events, zip);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(CSV));
        Writer csv = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        csv.write("line,at_seconds,scenario_time,topic,type,id,key,source,time,causation_id,payload\r\n");
        int line = 1;
        for (RecordedEvent e : events) {
            csv.write(String.join(",", String.valueOf(++line), String.valueOf(e.scenarioTimeSeconds()),
                    ScenarioTime.format(e.scenarioTimeSeconds()), e.type().topic(), e.type().type(), cell(e.id()),
                    cell(e.key()), cell(e.source()), e.time().toString(), cell(e.causationId()),
                    cell(JSON.writeValueAsString(e.payload()))));
            csv.write("\r\n");
        }
        csv.flush();
        zip.closeEntry();
        zip.finish();
    }

    private static ObjectNode line(RecordedEvent e) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", e.type().type());
        line.put("topic", e.type().topic());
        line.put("key", e.key());
        line.put("id", e.id());
        line.put("source", e.source());
        line.put("atSeconds", e.scenarioTimeSeconds());
        line.put("time", e.time().toString());
        line.put("causationId", e.causationId());
        line.set("payload", e.payload());
        return line;
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.matches("(?s).*[\",\r\n].*") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * Reads an export: the zip (its {@code events.jsonl}) or the JSON Lines themselves. A line that is not what the
     * contracts say refuses the whole file (422, naming the line); nothing of it is kept.
     */
    public static Read read(byte[] body, SchemaValidator contracts) {
        byte[] lines = isZip(body) ? entry(body) : body;
        MessageDigest digest = sha256();
        digest.update(lines);
        List<RecordedEvent> events = new ArrayList<>();
        Header header = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(lines),
                StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = header(text);
                    continue;
                }
                events.add(event(text, number, header, contracts));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null) {
            throw ApiException.unprocessable("import.empty");
        }
        if (events.size() != header.events()) {
            throw ApiException.unprocessable("import.count", header.events(), events.size());
        }
        return new Read(header, events, HexFormat.of().formatHex(digest.digest()));
    }

    private static Header header(String text) {
        try {
            Header header = JSON.readValue(text, Header.class);
            if (!FORMAT.equals(header.format()) || header.exerciseId() == null || header.scenarioId() == null) {
                throw ApiException.unprocessable("import.header", FORMAT);
            }
            return header;
        } catch (JsonProcessingException e) {
            throw ApiException.unprocessable("import.header", FORMAT);
        }
    }

    private static RecordedEvent event(String text, int number, Header header, SchemaValidator contracts) {
        JsonNode line;
        try {
            line = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.unprocessable("import.line", number, "no JSON");
        }
        EventType type = EventType.fromType(line.path("type").asText()).orElseThrow(() ->
                ApiException.unprocessable("import.line", number, "unknown type '" + line.path("type").asText() + "'"));
        JsonNode payload = line.path("payload");
        List<Violation> violations = contracts.validatePayload(type, payload);
        if (!violations.isEmpty()) {
            throw ApiException.unprocessable("import.line", number, violations.getFirst().toString());
        }
        if (payload.has("exerciseId") && !header.exerciseId().equals(payload.path("exerciseId").asText())) {
            throw ApiException.unprocessable("import.line", number, "another exercise's event");
        }
        if (!line.path("atSeconds").canConvertToLong() || line.path("id").asText("").isEmpty()) {
            throw ApiException.unprocessable("import.line", number, "no atSeconds or id");
        }
        try {
            Instant.parse(line.path("time").asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.unprocessable("import.line", number, "time is no instant");
        }
        return recorded(line, type, number);
    }

    /** A line as this file writes it, already checked: how an import is kept and read back. */
    static RecordedEvent parse(String text, long order) {
        try {
            JsonNode line = JSON.readTree(text);
            return recorded(line, EventType.fromType(line.path("type").asText()).orElseThrow(), order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept line of an import cannot be read", e);
        }
    }

    static String text(RecordedEvent e) {
        try {
            return JSON.writeValueAsString(line(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static RecordedEvent recorded(JsonNode line, EventType type, long order) {
        return new RecordedEvent(type, text(line, "key"), line.path("id").asText(), text(line, "source"),
                line.path("atSeconds").asLong(), Instant.parse(line.path("time").asText()), text(line, "causationId"),
                line.path("payload"), Topics.EXERCISE_STREAMS.indexOf(type.topic()), order);
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static boolean isZip(byte[] body) {
        return body.length > 3 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
    }

    private static byte[] entry(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(JSONL)) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw ApiException.unprocessable("import.zip", JSONL);
        }
        throw ApiException.unprocessable("import.zip", JSONL);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
