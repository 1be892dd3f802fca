package dev.liaison.gateway.bench;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /bench/stats[?gc=true]}: what the benchmark drivers read from the server process itself (sessions, calls,
 * heap, threads, process CPU time). With {@code gc=true} it collects first, so that {@code heapUsedBytes} is the live
 * data.
 */
@RestController
class BenchStatsController {

    private final ClientSessionRegistry sessions;
    private final B2bua b2bua;

    BenchStatsController(ClientSessionRegistry sessions, B2bua b2bua) {
        this.sessions = sessions;
        this.b2bua = b2bua;
    }

    @GetMapping("/bench/stats")
    Map<String, Object> stats(@RequestParam(defaultValue = "false") boolean gc) {
        if (gc) {
            System.gc();
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("sessions", sessions.sessionCount());
        stats.put("calls", b2bua.activeCallIds().size());
        stats.put("heapUsedBytes", heap.getUsed());
        stats.put("heapCommittedBytes", heap.getCommitted());
        stats.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            stats.put("processCpuNanos", os.getProcessCpuTime());
        }
        stats.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        return stats;
    }
}
