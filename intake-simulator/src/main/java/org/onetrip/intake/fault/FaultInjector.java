package org.onetrip.intake.fault;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Draws the fault of each request from the current {@link Faults}, which may be changed at any time; faults
 * scripted with {@link #script} come first, one per request, in order.
 */
public final class FaultInjector {
    private final Deque<Faults.Fault> scripted = new ArrayDeque<>();
    private Faults faults = Faults.NONE;
    private SplittableRandom random = new SplittableRandom(Faults.NONE.seed());
    private final AtomicLongArray injected = new AtomicLongArray(Faults.Fault.values().length);

    public synchronized void set(Faults faults) {
        this.faults = faults;
        this.random = new SplittableRandom(faults.seed());
    }

    /** The next API requests get exactly these faults (NONE for a normal answer), then random draws resume. */
    public synchronized void script(List<Faults.Fault> next) {
        scripted.addAll(next);
    }

    public synchronized Faults current() {
        return faults;
    }

    public Faults.Fault draw() {
        Faults.Fault fault;
        synchronized (this) {
            if (!scripted.isEmpty()) {
                fault = scripted.removeFirst();
            } else {
                fault = faults.any() ? faults.pick(random.nextDouble()) : Faults.Fault.NONE;
            }
        }
        injected.incrementAndGet(fault.ordinal());
        return fault;
    }

    /** How many requests got {@code fault} so far. */
    public long count(Faults.Fault fault) {
        return injected.get(fault.ordinal());
    }
}
