package nl.weerbaar.kit.kafka;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * The read-model store as the listeners see it, as a Resilience4j circuit breaker ({@value #NAME}): every failure
 * that means "the store is away" ({@link StoreUnavailable}) is recorded by the error handler, every record or batch
 * a listener got through by the container. While the breaker is open the listeners wait (the error handler backs
 * off, up to 30 s between tries, and sends nothing away); health and {@code resilience4j_circuitbreaker_state} show
 * it to the operator. While it is not closed the store is also pinged every {@value #PROBE_SECONDS} s, so it closes
 * when the store is back even if no record comes to prove it.
 */
public class ReadModelStoreBreaker implements RecordInterceptor<Object, Object>, BatchInterceptor<Object, Object>,
        DisposableBean {

    public static final String NAME = "read-model-store";
    static final int PROBE_SECONDS = 2;

    private final CircuitBreaker breaker;
    private final MongoTemplate mongo;
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "read-model-store-probe");
        t.setDaemon(true);
        return t;
    });

    public ReadModelStoreBreaker(CircuitBreakerRegistry registry, MongoTemplate mongo) {
        this.breaker = registry.circuitBreaker(NAME);
        this.mongo = mongo;
        probe.scheduleWithFixedDelay(this::probeWhileOpen, PROBE_SECONDS, PROBE_SECONDS, TimeUnit.SECONDS);
    }

    private void probeWhileOpen() {
        if (breaker.getState() != CircuitBreaker.State.HALF_OPEN) {
            return; // closed: the listeners' own calls tell; open: it turns half-open by itself after its wait
        }
        try {
            mongo.executeCommand("{ping: 1}");
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        } catch (RuntimeException stillAway) {
            breaker.onError(0, TimeUnit.NANOSECONDS, stillAway);
        }
    }

    @Override
    public void destroy() {
        probe.shutdownNow();
    }

    /** A listener failed because the store is away. */
    public void failed(Throwable failure) {
        breaker.onError(0, TimeUnit.NANOSECONDS, failure);
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                     Consumer<Object, Object> consumer) {
        return records;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        succeeded();
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        succeeded();
    }

    private void succeeded() {
        if (breaker.getState() != CircuitBreaker.State.CLOSED || breaker.getMetrics().getNumberOfFailedCalls() > 0) {
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        }
    }
}
