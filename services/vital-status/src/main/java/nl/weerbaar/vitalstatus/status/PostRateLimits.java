package nl.weerbaar.vitalstatus.status;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One rate limiter per provider (and exercise) for posted statuses, so one provider's script gone wild cannot flood the topic or
 * crowd out the others; a refused post is answered 429 and publishes nothing.
 */
@Component
class PostRateLimits {

    private final RateLimiterRegistry registry;
    private final RateLimiterConfig config;

    PostRateLimits(RateLimiterRegistry registry,
                   @Value("${weerbaar.vital.posts-per-minute:30}") int postsPerMinute) {
        this.registry = registry;
        this.config = RateLimiterConfig.custom().limitForPeriod(postsPerMinute)
                .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build();
    }

    void acquire(String exerciseId, String providerId) {
        RateLimiter limiter = registry.rateLimiter("provider-status-" + exerciseId + "-" + providerId, config);
        if (!limiter.acquirePermission()) {
            throw RequestNotPermitted.createRequestNotPermitted(limiter);
        }
    }
}
