package org.switchboard.dialplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.dialplan.plan.Plans.dial;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PlanHolderTest {
    private static final DialPlan OLD = new Plans()
            .rule(10, "strip", "*", "9*", null, "continue", "{1}")
            .rule(20, "old", "*", "2xx", "forward sip:{user}@old.example.net")
            .compile();
    private static final DialPlan NEW = new Plans()
            .rule(10, "strip", "*", "8*", null, "continue", "{1}")
            .rule(20, "new", "*", "2xx", "forward sip:{user}@new.example.net")
            .compile();

    @Test
    void aCallKeepsThePlanItStartedWithWhileANewOneIsSwappedIn() {
        PlanHolder holder = new PlanHolder(OLD);
        DialPlan started = holder.current();

        holder.swap(NEW);

        assertThat(dial(started, "201", "9202").targets()).containsExactly("sip:202@old.example.net");
        assertThat(dial(holder.current(), "201", "8202").targets()).containsExactly("sip:202@new.example.net");
    }

    @Test
    void evaluationsDuringSwapsSeeOneWholePlanOrTheOther() throws Exception {
        PlanHolder holder = new PlanHolder(OLD);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                for (int i = 0; i < 20_000; i++) {
                    DialPlan plan = holder.current();
                    // a plan's own prefix is rewritten by its own rule, never the other's
                    String prefix = plan == OLD ? "9" : "8";
                    seen.add(dial(plan, "201", prefix + "202").targets().get(0));
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        caller.start();
        for (int i = 0; i < 20_000 && done.getCount() > 0; i++) {
            holder.swap(i % 2 == 0 ? NEW : OLD);
        }
        done.await();

        assertThat(failure.get()).isNull();
        assertThat(seen).isSubsetOf("sip:202@old.example.net", "sip:202@new.example.net");
    }
}
