package nl.weerbaar.vitalstatus.status;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.springframework.stereotype.Component;

/**
 * One rate limiter per provider (and exercise) for posted statuses, so one provider's script gone wild cannot flood the topic or
 * crowd out the others; a refused post is answered 429 and publishes nothing.
 */
@Component
@EnableConfigurationProperties(PostRateLimits.Settings.class)
class PostRateLimits {

    /**
     * {@code weerbaar.vital.*} for posted statuses.
     *
     * @param postsPerMinute statuses one provider may post per minute in one exercise; more are answered 429
     */
    @ConfigurationProperties("weerbaar.vital")
    @Validated
    record Settings(@DefaultValue("30") @Positive int postsPerMinute) {
    }

    private final RateLimiterRegistry registry;
    private final RateLimiterConfig config;

    PostRateLimits(RateLimiterRegistry registry,
                   Settings settings) {
        this.registry = registry;
        this.config = RateLimiterConfig.custom().limitForPeriod(settings.postsPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build();
    }

    void acquire(String exerciseId, String providerId) {
        RateLimiter limiter = registry.rateLimiter("provider-status-" + exerciseId + "-" + providerId, config);
        if (!limiter.acquirePermission()) {
            throw RequestNotPermitted.createRequestNotPermitted(limiter);
        }
    }
}
