package nl.weerbaar.kit.test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.weerbaar.contracts.Topics;
import org.apache.kafka.streams.TopologyDescription;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The contract topics a running service consumes, each with how many of its consumers read it. */
final class ConsumedTopics {

    private ConsumedTopics() {
    }

    static Map<String, Integer> of(ApplicationContext context) {
        Map<String, Integer> consumers = new TreeMap<>();
        for (MessageListenerContainer container : context.getBean(KafkaListenerEndpointRegistry.class)
                .getAllListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            for (String topic : topics == null ? new String[0] : topics) {
                consumers.merge(topic, 1, Integer::sum);
            }
        }
        for (StreamsBuilderFactoryBean streams : context.getBeansOfType(StreamsBuilderFactoryBean.class).values()) {
            streams.getTopology().describe().subtopologies().stream()
                    .flatMap(sub -> sub.nodes().stream())
                    .filter(TopologyDescription.Source.class::isInstance)
                    .flatMap(source -> ((TopologyDescription.Source) source).topicSet().stream())
                    .distinct().forEach(topic -> consumers.merge(topic, 1, Integer::sum));
        }
        consumers.keySet().retainAll(List.copyOf(Topics.ALL));
        return consumers;
    }
}
