package org.switchboard.server.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.plugin.PluginContext;
import org.switchboard.core.spi.service.ActiveCall;
import org.switchboard.core.spi.service.CallRecordQuery;
import org.switchboard.core.spi.service.TracedMessage;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.server.TestServerLauncher;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.ClientTransaction;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;

/**
 * A plugin in a running server sees through its typed services what the phones do: a registered
 * phone in the bindings listing with the flow it registered on, a call in the active calls while it
 * is up and gone after its BYE, the call's messages in the trace and its record in the call records;
 * a binding it unregisters is gone for the phone as well.
 */
class PluginServicesEndToEndTest {
    private static final String DOMAIN = "services.example.com";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final SwitchboardServer SERVER = SwitchboardServer.create()
            .option(TestServerLauncher.PLUGIN, ServicesProbePlugin.class.getName())
            .user(DOMAIN, "301", "probe-secret-301").user(DOMAIN, "302", "probe-secret-302");

    @Test
    void aPluginSeesTheRegisteredPhoneAndTheCallWhileItIsUpAndNotAfterItsBye() throws Exception {
        PluginContext plugin = ServicesProbePlugin.context();
        try (Phone alice = SERVER.phone("301").open(); Phone bob = SERVER.phone("302").tcp().open()) {
            alice.register().expectChallenge().answer().expect(200);
            bob.register().expectChallenge().answer().expect(200);

            List<Binding> alices = plugin.bindings().of(new AddressOfRecord("301", DOMAIN));
            assertThat(alices).singleElement().satisfies(b -> {
                assertThat(b.contactUri()).isEqualTo(alice.contact());
                assertThat(b.flow().transport().name()).isEqualTo("UDP");
                assertThat(b.flow().remote()).isEqualTo(alice.localAddress());
            });
            assertThat(plugin.bindings().of(new AddressOfRecord("302", DOMAIN))).singleElement()
                    .satisfies(b -> assertThat(b.flow().transport().name()).isEqualTo("TCP"));
            assertThat(plugin.bindings().inDomain(DOMAIN)).extracting(Binding::contactUri)
                    .containsExactly(alice.contact(), bob.contact());
            assertThat(plugin.bindings().all()).extracting(Binding::contactUri).contains(alice.contact(), bob.contact());

            Call call = alice.call(bob).expect(407).answer();
            Incoming invite = bob.expect("INVITE").ring();
            call.expect(180);
            assertThat(plugin.activeCalls().find(call.callId())).hasValueSatisfying(
                    c -> assertThat(c.state()).isEqualTo(ActiveCall.State.RINGING));
            invite.answer();
            call.expect(200).ack();
            invite.expectAck();

            awaitTrue("the call is listed as answered", () -> plugin.activeCalls().list().stream()
                    .anyMatch(c -> c.callId().equals(call.callId()) && c.state() == ActiveCall.State.ANSWERED));
            ActiveCall up = plugin.activeCalls().find(call.callId()).orElseThrow();
            assertThat(up.caller()).contains("301@" + DOMAIN);
            assertThat(up.callee()).contains("302@" + DOMAIN);
            assertThat(up.start()).isBeforeOrEqualTo(up.answer()).isBeforeOrEqualTo(Instant.now());

            ClientTransaction bye = call.bye();
            bob.expect("BYE").respond(200);
            bye.expect(200);
            awaitTrue("the call is gone from the active calls",
                    () -> plugin.activeCalls().find(call.callId()).isEmpty());

            assertThat(plugin.messageTrace().byCallId(call.callId(), 100)).extracting(TracedMessage::text)
                    .anyMatch(text -> text.startsWith("INVITE ")).anyMatch(text -> text.startsWith("BYE "));
            assertThat(plugin.messageTrace().byUser("302", DOMAIN, 100)).isNotEmpty()
                    .allMatch(m -> m.text().contains("302@" + DOMAIN));

            awaitTrue("the call's record is stored", () -> plugin.callRecords().page(CallRecordQuery.newest(10))
                    .toCompletableFuture().join().stream().anyMatch(r -> r.callId().equals(call.callId())));
            CallRecord record = plugin.callRecords().page(new CallRecordQuery(null, null, "302@" + DOMAIN, 0, 10))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
                    .filter(r -> r.callId().equals(call.callId())).findFirst().orElseThrow();
            assertThat(record.hangup()).isEqualTo(CallRecord.Hangup.CALLER);
        }
    }

    @Test
    void aBindingAPluginUnregistersIsGoneForThePhoneToo() {
        PluginContext plugin = ServicesProbePlugin.context();
        try (Phone carol = SERVER.phone("301").open()) {
            carol.register().expectChallenge().answer().expect(200);
            AddressOfRecord aor = new AddressOfRecord("301", DOMAIN);
            Binding binding = plugin.bindings().of(aor).stream().filter(b -> b.contactUri().equals(carol.contact()))
                    .findFirst().orElseThrow();

            assertThat(plugin.bindings().unregister(aor, binding.key()).toCompletableFuture().join()).isTrue();

            assertThat(plugin.bindings().of(aor)).extracting(Binding::contactUri).doesNotContain(carol.contact());
            assertThat(carol.queryBindings().expectChallenge().answer().expect(200).response().contactUris())
                    .doesNotContain(carol.contact());
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
