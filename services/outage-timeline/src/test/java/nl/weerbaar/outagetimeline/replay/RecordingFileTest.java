package nl.weerbaar.outagetimeline.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipInputStream;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.kit.web.ApiException;
import org.junit.jupiter.api.Test;

/** An export read back is the same recording; a file with one wrong line is refused as a whole, naming the line. */
class RecordingFileTest {

    private static final SchemaValidator CONTRACTS = new SchemaValidator();
    private static final RecordingFile.Header HEADER = new RecordingFile.Header(RecordingFile.FORMAT, "oef-1",
            "klein-testscenario", "Klein", 7, "exercise", 0, 7200, 72 * 3600, 2);

    @Test
    void whatIsWrittenReadsBackInOrderAndBothFormsHoldTheSameLines() throws Exception {
        List<RecordedEvent> events = events();
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        RecordingFile.writeJsonl(HEADER, events, jsonl);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        RecordingFile.writeZip(HEADER, events, zip);

        RecordingFile.Read fromLines = RecordingFile.read(jsonl.toByteArray(), CONTRACTS);
        RecordingFile.Read fromZip = RecordingFile.read(zip.toByteArray(), CONTRACTS);
        assertThat(fromLines.header()).isEqualTo(HEADER);
        assertThat(fromLines.events()).extracting(RecordedEvent::type, RecordedEvent::id, RecordedEvent::key,
                        RecordedEvent::scenarioTimeSeconds, RecordedEvent::causationId, e -> e.payload().toString())
                .containsExactlyElementsOf(events.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.type(),
                        e.id(), e.key(), e.scenarioTimeSeconds(), e.causationId(), e.payload().toString())).toList());
        assertThat(fromZip.digest()).isEqualTo(fromLines.digest()); // one import id, whichever form is imported

        String csv = entry(zip.toByteArray(), RecordingFile.CSV);
        assertThat(csv.split("\r\n")).hasSize(3);
        // the line numbers are the JSON Lines' (the header is line 1); the payload, with commas and quotes, is one
        // quoted cell with its quotes doubled
        assertThat(csv).contains("\r\n2,60,T+0:01,weerbaar.exercise.v1,nl.weerbaar.exercise.decision-taken.v1,e-1,")
                .contains(",c-1,\"{\"\"exerciseId\"\":\"\"oef-1\"\",").contains("\"\"reason\"\":\"\"Dicht, want \\\"\"vol");
    }

    @Test
    void aFileWithOneWrongLineIsRefusedNamingTheLine() throws Exception {
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        RecordingFile.writeJsonl(HEADER, events(), jsonl);
        String good = jsonl.toString(StandardCharsets.UTF_8);

        String noState = good.replace("\"state\":\"open\"", "\"state\":\"ajar\"");
        assertThatThrownBy(() -> RecordingFile.read(noState.getBytes(StandardCharsets.UTF_8), CONTRACTS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("import.line");
                    assertThat(e.args()).startsWith(3);
                });
        String cut = good.substring(0, good.lastIndexOf('\n', good.length() - 2) + 1);
        assertThatThrownBy(() -> RecordingFile.read(cut.getBytes(StandardCharsets.UTF_8), CONTRACTS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("import.count"));
        String other = good.replace("\"format\":\"weerbaar-recording/1\"", "\"format\":\"csv\"");
        assertThatThrownBy(() -> RecordingFile.read(other.getBytes(StandardCharsets.UTF_8), CONTRACTS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("import.header"));
    }

    private static List<RecordedEvent> events() {
        JsonNode decision = EventJson.mapper().valueToTree(new Decision("oef-1", "d-1", DecisionKind.CLOSE_NSP,
                "nsp-heesch", null, null, null, null, null, null, null, "Dicht, want \"vol\"", "crisis", 60));
        JsonNode open = EventJson.mapper().valueToTree(new NspStateChanged("oef-1", "nsp-heesch", NspState.OPEN,
                NspState.OPENING, "opening-done", "policy", Text.of("open", "open"), null, 120));
        return List.of(new RecordedEvent(EventType.DECISION_TAKEN, "oef-1", "e-1", "/weerbaar/outage-timeline", 60,
                        Instant.parse("2026-12-04T10:01:00Z"), "c-1", decision, 0, 5),
                new RecordedEvent(EventType.NSP_STATE_CHANGED, "oef-1", "e-2", "/weerbaar/noodsteunpunt", 120,
                        Instant.parse("2026-12-04T10:02:00Z"), "e-1", open, 2, 9));
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in the zip");
    }
}
