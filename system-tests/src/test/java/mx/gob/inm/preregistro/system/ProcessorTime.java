package mx.gob.inm.preregistro.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The processor time the stack's processes, the load generator (this JVM) and the whole machine have used so far, in
 * clock ticks, read from Linux's {@code /proc}. Two readings around a benchmark's measured minutes say what each unit
 * of work cost, a figure that moves far less with the machine's speed of the day than the rate does.
 */
record ProcessorTime(Map<String, Long> byProcess, long machine) {

    /** {@code /proc} counts in ticks of 1/100 s (Linux's USER_HZ, the same on every architecture). */
    private static final double MS_PER_TICK = 10;

    static final String LOAD_GENERATOR = "load generator";

    /** Now; empty where {@code /proc} cannot be read (not Linux, or a component not running). */
    static ProcessorTime of(LocalStack stack) {
        try {
            Map<String, Long> byProcess = new LinkedHashMap<>();
            for (String component : LocalStack.COMPONENTS) {
                byProcess.put(component, ticks(LocalStack.procStat(stack.pid(component))));
            }
            byProcess.put(LOAD_GENERATOR, ticks(LocalStack.procStat(String.valueOf(ProcessHandle.current().pid()))));
            return new ProcessorTime(byProcess, busyTicks(Files.readAllLines(Path.of("/proc/stat")).get(0)));
        } catch (IOException unreadable) {
            return new ProcessorTime(Map.of(), 0);
        }
    }

    /** A process's user and system time: the 14th and 15th fields of its stat. */
    private static long ticks(List<String> stat) {
        return Long.parseLong(stat.get(14 - 3)) + Long.parseLong(stat.get(15 - 3));
    }

    /**
     * The machine's busy time from the {@code cpu} line of {@code /proc/stat}: user, nice, system, irq, softirq and
     * steal, all but idle and waiting for input (the 4th and 5th numbers) and the guests (counted in user already).
     */
    static long busyTicks(String cpuLine) {
        String[] ticks = cpuLine.trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i <= 8; i++) {
            busy += i == 4 || i == 5 ? 0 : Long.parseLong(ticks[i]);
        }
        return busy;
    }

    /**
     * What each of {@code units} cost from this reading to {@code later}, {@code seconds} after it: ms of the machine's
     * processor per unit, of the two cores (or however many) busy, and each process's ms per unit, largest first.
     */
    String perUnit(ProcessorTime later, long units, double seconds) {
        if (byProcess.isEmpty() || later.byProcess.isEmpty() || units == 0) {
            return "processor time not read (Linux's /proc unreadable here)";
        }
        double machineMs = (later.machine - machine) * MS_PER_TICK;
        String processes = byProcess.keySet().stream()
                .collect(Collectors.toMap(name -> name, name -> later.byProcess.get(name) - byProcess.get(name)))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(entry -> String.format("%s %.1f", entry.getKey(), entry.getValue() * MS_PER_TICK / units))
                .collect(Collectors.joining(", "));
        return String.format("%.1f ms of processor per approval (%.2f of %d cores busy): %s",
                machineMs / units, machineMs / 1000 / seconds, Runtime.getRuntime().availableProcessors(), processes);
    }
}
