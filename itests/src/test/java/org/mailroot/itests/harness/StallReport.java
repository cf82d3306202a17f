package org.mailroot.itests.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The figures of a load run with changes made under it: per step (a named moment the test
 * marked), the messages acknowledged and the longest gap between two consecutive 250s; overall,
 * the longest gap and the longest single transaction (first connection attempt to 250, retries included).
 */
public final class StallReport {
    private record Mark(String step, long nanos) {
    }

    /** The longest gap and the step in progress when it began. */
    public record Gap(String step, long nanos) {
        public long millis() {
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }
    }

    private final List<Mark> marks = new ArrayList<>();

    public StallReport(long startNanos) {
        marks.add(new Mark("warm-up", startNanos));
    }

    /** From now on, gaps are attributed to this step. */
    public synchronized void mark(String step) {
        marks.add(new Mark(step, System.nanoTime()));
    }

    private String stepAt(long nanos) {
        String step = marks.get(0).step();
        for (Mark m : marks) {
            if (m.nanos() - nanos <= 0) {
                step = m.step();
            }
        }
        return step;
    }

    /** The longest gap between consecutive acknowledgements, with its step (excluding steps named in skip). */
    public synchronized Gap longestGap(List<SteadyLoad.Ack> acks, List<String> skip) {
        List<SteadyLoad.Ack> sorted = acks.stream().sorted(Comparator.comparingLong(SteadyLoad.Ack::end)).toList();
        Gap longest = new Gap("-", 0);
        for (int i = 1; i < sorted.size(); i++) {
            long gap = sorted.get(i).end() - sorted.get(i - 1).end();
            String step = stepAt(sorted.get(i - 1).end());
            if (gap > longest.nanos() && !skip.contains(step)) {
                longest = new Gap(step, gap);
            }
        }
        return longest;
    }

    public static SteadyLoad.Ack longestTransaction(List<SteadyLoad.Ack> acks) {
        return acks.stream().max(Comparator.comparingLong(SteadyLoad.Ack::nanos)).orElse(null);
    }

    /** One line per step: acknowledged messages whose 250 came during it, and its longest gap. */
    public synchronized String perStep(List<SteadyLoad.Ack> acks) {
        StringBuilder sb = new StringBuilder();
        for (Mark m : marks) {
            List<SteadyLoad.Ack> in = acks.stream().filter(a -> stepAt(a.end()).equals(m.step())).toList();
            List<String> others = marks.stream().map(Mark::step).filter(s -> !s.equals(m.step())).toList();
            sb.append(String.format("HOTSWAP step %-40s acks %6d  longest gap %6d ms%n",
                    m.step(), in.size(), longestGap(acks, others).millis()));
        }
        return sb.toString();
    }
}
