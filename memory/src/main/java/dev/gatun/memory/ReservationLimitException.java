package dev.gatun.memory;

/**
 * A new memory would exceed the process-wide budget of reservations even after the garbage collector freed
 * what it could: too many memories are alive at once. Close instances you no longer need, or raise the budget
 * with {@code -Dgatun.memory.maxReservations} / {@code -Dgatun.memory.maxReservedBytes} where the system allows.
 */
public final class ReservationLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReservationLimitException(long size, long count, long maxCount, long bytes, long maxBytes) {
        super("linear memory budget exhausted: a reservation of " + size + " bytes does not fit beside "
                + count + " live reservations (limit " + maxCount + ", gatun.memory.maxReservations) of "
                + bytes + " bytes (limit " + maxBytes + ", gatun.memory.maxReservedBytes)");
    }
}
