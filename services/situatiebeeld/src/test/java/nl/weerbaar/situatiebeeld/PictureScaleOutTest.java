package nl.weerbaar.situatiebeeld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of situatiebeeld: the exercises' events are appended to the log by whichever instance Kafka gave
 * their partition, and both instances still keep every picture whole, live: each follows the shared log, not its
 * own share of the topics.
 */
@WeerbaarIntegrationTest
class PictureScaleOutTest {

    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    @Autowired LivePictures pictures;
    @Autowired PictureLog log;

    @Test
    void bothInstancesKeepEveryPictureWholeWhoeverAppendedIt() throws Exception {
        try (ConfigurableApplicationContext second = CompanionServices.instance(SituatiebeeldApplication.class,
                "situatiebeeld", brokers)) {
            LivePictures otherPictures = second.getBean(LivePictures.class);
            TimelineDriver timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
            // both instances hold both pictures from the start, so what follows moves them on live
            TimelineDriver.ReadyCheck watched = exerciseId -> {
                pictures.currentJson(exerciseId);
                otherPictures.currentJson(exerciseId);
                return true;
            };
            List<String> exercises = List.of(
                    timeline.play("klein-testscenario", 2000, Duration.ofSeconds(30), watched),
                    timeline.play("klein-testscenario", 2000, Duration.ofSeconds(30), watched));

            for (String exerciseId : exercises) {
                await().atMost(Duration.ofSeconds(120)).until(() -> log.all(exerciseId).stream().anyMatch(e ->
                        e.type().equals("exercise-state-changed") && e.payload().contains("FINISHED")));
                List<LogEntry> all = log.all(exerciseId);
                assertThat(all).extracting(LogEntry::seq).as("numbered without gaps")
                        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, all.size()).boxed()
                                .toList());
                // folded anew each time: services running beside the test may still add to the exercise's log
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    String folded = new LivePictures(log, 1).currentJson(exerciseId);
                    assertThat(pictures.currentJson(exerciseId)).as("this instance").isEqualTo(folded);
                    assertThat(otherPictures.currentJson(exerciseId)).as("the other instance").isEqualTo(folded);
                });
            }
        }
    }
}
