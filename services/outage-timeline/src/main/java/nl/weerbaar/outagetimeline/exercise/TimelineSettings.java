package nl.weerbaar.outagetimeline.exercise;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the clock plays ({@code weerbaar.timeline.*}).
 *
 * @param tickSeconds scenario seconds between two clock ticks (part of the exercise's record)
 * @param stepMs      wall milliseconds between two steps of the engine
 * @param markMs      wall milliseconds between two of the running clock's watermarks at most; 0 writes none
 * @param commandWaitMs how long a trainer's command forwarded to the instance driving the clock waits for its answer
 */
@ConfigurationProperties("weerbaar.timeline")
record TimelineSettings(@DefaultValue("300") long tickSeconds, @DefaultValue("25") long stepMs,
                        @DefaultValue("100") long markMs, @DefaultValue("10000") long commandWaitMs) {
}
