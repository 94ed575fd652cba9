package org.switchboard.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link PromQlNames} takes for metric names, and what it leaves out. */
class PromQlNamesTest {
    @Test
    void findsTheMetricsAndLeavesOutFunctionsLabelsRangesVariablesAndKeywords() {
        assertThat(PromQlNames.in("sum by (code) (rate(switchboard_calls_failed_total{job=~\"$job\", code!=\"486\"}[$__rate_interval]))"))
                .containsExactly("switchboard_calls_failed_total");
        assertThat(PromQlNames.in("time() - switchboard_backup_last_success_timestamp_seconds > 26 * 3600"))
                .containsExactly("switchboard_backup_last_success_timestamp_seconds");
        assertThat(PromQlNames.in("a_total < 0.8 * (a_total offset 15m) and (b offset 1h) >= 10 or up == 0"))
                .containsExactly("a_total", "b", "up");
        assertThat(PromQlNames.in("sum without (instance) (jvm_memory_used_bytes) / on (job) group_left process_cpu_usage"))
                .containsExactly("jvm_memory_used_bytes", "process_cpu_usage");
    }
}
