package org.arflow.idempotency;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;

/**
 * Runs an idempotent create again when a concurrent identical request won the race to the unique key. The
 * second run, in a transaction of its own, finds what the winner stored and returns it as for a repeat.
 */
public final class Retry {

    private Retry() {
    }

    public static <T> T onceOnDuplicateKey(Supplier<T> create) {
        try {
            return create.get();
        } catch (DuplicateKeyException concurrentCreate) {
            return create.get();
        }
    }
}
