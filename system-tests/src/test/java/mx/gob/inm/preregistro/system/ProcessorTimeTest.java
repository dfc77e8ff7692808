package mx.gob.inm.preregistro.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmark's processor figures (issue 9's proof under load), from readings of {@code /proc}. */
class ProcessorTimeTest {

    @Test
    @DisplayName("the machine's busy time is user, nice, system, irq, softirq and steal; idle and input waits are not")
    void busyTicks() {
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        assertThat(ProcessorTime.busyTicks("cpu  1000 20 300 90000 400 5 60 7 800 0"))
                .isEqualTo(1000 + 20 + 300 + 5 + 60 + 7);
    }

    @Test
    @DisplayName("per approval: the machine's ms, the cores busy, and each process's ms, largest first")
    void perUnit() {
        ProcessorTime before = new ProcessorTime(processes(100, 200, 50), 1_000);
        ProcessorTime after = new ProcessorTime(processes(400, 1_100, 150), 3_400);
        String line = before.perUnit(after, 100, 12.0);
        assertThat(line).startsWith("240.0 ms of processor per approval (2.00 of ")
                .endsWith("cores busy): preregistration-service 90.0, gateway 30.0, load generator 10.0");
    }

    @Test
    @DisplayName("without readings (no /proc) the line says so instead of inventing figures")
    void unreadable() {
        ProcessorTime none = new ProcessorTime(Map.of(), 0);
        assertThat(none.perUnit(none, 100, 120.0)).contains("not read");
    }

    private static Map<String, Long> processes(long gateway, long preregistration, long loadGenerator) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("gateway", gateway);
        ticks.put("preregistration-service", preregistration);
        ticks.put(ProcessorTime.LOAD_GENERATOR, loadGenerator);
        return ticks;
    }
}
