package nl.weerbaar.kit.mongo;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping}, which MongoDB and the embedded MongoDB-protocol server both answer (Boot's own
 * indicator asks {@code hello}, which mongo-java-server does not know).
 */
public class MongoPingHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealth(MongoTemplate mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.status(answer.get("ok", Number.class).intValue() == 1 ? "UP" : "DOWN")
                .withDetail("database", mongo.getDb().getName());
    }
}
