package dev.gatun.runtime;

/**
 * The embedder's say on one growth of a memory or table (the API adapts its ResourceLimiter to this, so
 * the runtime needs no API type): sizes in pages or elements.
 */
@FunctionalInterface
public interface GrowLimiter {
    boolean allow(long current, long desired, long maximum);
}
