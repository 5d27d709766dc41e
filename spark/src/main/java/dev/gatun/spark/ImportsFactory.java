package dev.gatun.spark;

import dev.gatun.Imports;
import dev.gatun.Module;

import java.io.Serializable;

/**
 * Builds the imports of each new instance, on the executor that creates it (host functions, or WASI
 * through {@code dev.gatun.wasi}). Shipped to executors with the tasks, so it must be serializable;
 * keep it stateless: instances created from one pool may come from different copies of it.
 */
@FunctionalInterface
public interface ImportsFactory extends Serializable {
    Imports create(Module module);
}
