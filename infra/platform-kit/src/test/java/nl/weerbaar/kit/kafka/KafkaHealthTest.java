package nl.weerbaar.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/** Readiness's {@code kafka}: no broker, not ready (the running case is every service's foundation test). */
class KafkaHealthTest {

    @Test
    void aBrokerThatDoesNotAnswerMakesTheServiceNotReadyWithinTheTimeout() {
        KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000));
        KafkaHealth health = new KafkaHealth(admin, new DefaultListableBeanFactory()
                .getBeanProvider(StreamsBuilderFactoryBean.class));
        try {
            long start = System.nanoTime();
            Health answer = health.health();
            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(answer.getDetails().get("broker").toString()).contains("no answer within");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(KafkaHealth.TIMEOUT_MS + 3000L);
        } finally {
            health.destroy();
        }
    }
}
