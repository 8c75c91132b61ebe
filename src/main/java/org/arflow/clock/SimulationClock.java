package org.arflow.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A clock that runs at the real rate from an offset that can only grow. The same offset is applied to the
 * Camunda engine's clock, so timers and domain code agree on the time.
 */
public class SimulationClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    SimulationClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private SimulationClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SimulationClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    /**
     * Moves the clock forward to the given instant. An instant already passed leaves the clock as it is,
     * because the clock never goes back; callers reject such requests before they get here.
     */
    public synchronized void moveTo(Instant target) {
        Duration step = Duration.between(instant(), target);
        if (step.isNegative()) {
            return;
        }
        Duration moved = offset.get().plus(step);
        offset.set(moved);
        ClockUtil.offset(moved.toMillis());
    }
}
