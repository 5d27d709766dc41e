/** Linear memory: a reserved address range committed on grow, bounds-checked on every access. */
package dev.gatun.memory;
