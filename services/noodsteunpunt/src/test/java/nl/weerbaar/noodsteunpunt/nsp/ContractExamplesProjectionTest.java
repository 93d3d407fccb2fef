package nl.weerbaar.noodsteunpunt.nsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.ContractExamples;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.noodsteunpunt.checkin.CheckInView;
import nl.weerbaar.noodsteunpunt.checkin.CheckIns;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every example of the noodsteunpunt topic in {@code contracts/} is fed, in order, to this service's own consumers
 * (the consumers burgerhulp and the live picture will have read the same): the read model takes in each of them.
 */
@WeerbaarIntegrationTest
class ContractExamplesProjectionTest {

    private static final String EXERCISE = "oef-2026-11-24-bernheze";

    @Autowired KafkaTemplate<String, Object> kafka;
    @Autowired NspViews views;
    @Autowired CheckIns checkIns;
    @Autowired NspNotices notices;

    @Test
    void theReadModelTakesInEveryExampleOfTheTopic() {
        // the purge comes last, once the rest is in: it is keyed by exercise, so it may overtake on another partition
        examples(false).forEach(this::send);
        await().atMost(Duration.ofSeconds(60)).until(() -> checkIns.find(EXERCISE, "ci-7f3a9c2e")
                .map(v -> v.outSeconds() != null).orElse(false));
        examples(true).forEach(this::send);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(views.find(EXERCISE, "nsp-heesch")).get().extracting(NspView::state)
                    .isEqualTo(NspState.OPENING);
            assertThat(views.find(EXERCISE, "nsp-heesch").orElseThrow().stock().waterLitres()).isEqualTo(1630.5);
            assertThat(notices.find(EXERCISE, null, null)).extracting(n -> n.get("kind"))
                    .contains("threshold", "unserved", "resupply", "delivery", "help");
            // checked in and out again; after the purge example the postcode and note are gone, the size stays
            CheckInView visit = checkIns.find(EXERCISE, "ci-7f3a9c2e").orElseThrow();
            assertThat(visit.outSeconds()).isEqualTo(37200L);
            assertThat(visit.postcode()).isNull();
            assertThat(visit.note()).isNull();
            assertThat(visit.householdSize()).isEqualTo(2);
            assertThat(checkIns.find(EXERCISE, "ci-heesch-u26-4").orElseThrow().redirectedFrom())
                    .isEqualTo("nsp-heesch");
        });
    }

    private static List<ContractExamples.Example> examples(boolean purge) {
        return ContractExamples.all().stream().filter(e -> e.type().topic().equals(Topics.NOODSTEUNPUNT))
                .filter(e -> (e.type() == EventType.PERSONAL_DATA_PURGED) == purge).toList();
    }

    private void send(ContractExamples.Example example) {
        Map<String, String> headers = example.headers();
        ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.NOODSTEUNPUNT,
                headers.get(CeHeaders.SUBJECT), example.payloadBytes());
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        kafka.send(record).join();
    }
}
