package org.switchboard.nat.plugin;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.plugin.PluginContext;
import org.switchboard.core.spi.chain.Stage;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.service.ContactRemoval;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.core.transport.Flow;
import org.switchboard.nat.detect.NatDetector;
import org.switchboard.nat.detect.NatReachPolicy;
import org.switchboard.nat.detect.NatSettings;
import org.switchboard.nat.detect.NatedCallees;
import org.switchboard.nat.detect.NatedContactFixup;
import org.switchboard.nat.detect.NatedExpiryClamp;
import org.switchboard.nat.detect.NatedRegistrations;
import org.switchboard.nat.keepalive.KeepAlives;
import org.switchboard.nat.keepalive.OptionsPinger;
import org.switchboard.nat.media.HostAddresses;
import org.switchboard.nat.media.MediaAnchoring;
import org.switchboard.nat.media.MediaRelay;
import org.switchboard.nat.media.RtpSettings;
import org.switchboard.nat.stun.StunClaim;
import org.switchboard.nat.stun.StunResponder;
import org.switchboard.nat.stun.StunServer;
import org.switchboard.nat.stun.StunStatistics;

/**
 * The NAT gateway as a plugin: decides how the registrar's contacts are reached ({@link
 * NatReachPolicy}: NATed phones over their flow, others at their Contact) and fixes up the Contact
 * of requests from NATed phones at the NAT stage ({@link NatedContactFixup}), and their
 * registration time when it is clamped ({@link NatedExpiryClamp}), and answers STUN on the
 * SIP UDP sockets ({@link StunClaim}) and on its own port ({@link StunServer}); pings the flows of
 * NATed UDP phones ({@link KeepAlives}) and drops the bindings of those that stop answering; anchors
 * the media of calls with a phone behind NAT ({@link MediaAnchoring}, {@link MediaRelay}). The
 * settings are the live sections {@link NatSettings#SECTION} and {@link RtpSettings#SECTION} when
 * the server offers its {@link Settings}, else the defaults. Lifecycle as {@link Plugin}.
 */
public final class NatGatewayPlugin implements Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(NatGatewayPlugin.class);

    @Override
    public String name() {
        return "nat-gateway";
    }

    /** The most source addresses the STUN statistics keep; the 4S STUN server kept 100. */
    private static final int STUN_SOURCES = 1000;

    /** The most calls to NATed callees whose Contact is rewritten at once; past it the oldest are forgotten. */
    private static final int CALLS_REMEMBERED = 100_000;
    /** How often the keep-alives look for flows due a ping; the interval itself is a live setting. */
    private static final Duration TICK = Duration.ofMillis(500);
    /** How often the RTP relay looks for calls whose media stopped; the timeout itself is a live setting. */
    private static final Duration MEDIA_SWEEP = Duration.ofSeconds(1);

    private final StunStatistics stunStatistics = new StunStatistics(Clock.systemUTC(), STUN_SOURCES);
    private StunServer stun;
    private KeepAlives keepAlives;
    private ScheduledFuture<?> ticks;
    private MediaRelay mediaRelay;
    private ScheduledFuture<?> mediaSweeps;

    @Override
    public void start(PluginContext context) throws InterruptedException {
        Supplier<NatSettings> settings = context.service(Settings.class)
                .<Supplier<NatSettings>>map(s -> () -> s.current(NatSettings.SECTION))
                .orElse(NatSettings.SECTION::defaults);
        NatDetector detector = new NatDetector();
        ContactRemoval removal = context.service(ContactRemoval.class).orElseGet(() -> {
            LOG.warn("NAT keep-alive: the registrar offers no contact removal; dead flows are logged but keep "
                    + "their bindings until they expire");
            return (aor, contact) -> CompletableFuture.completedFuture(false);
        });
        keepAlives = new KeepAlives(Clock.systemUTC(), settings, new OptionsPinger(context.sip()), removal);
        context.sip().decideReach(new NatReachPolicy(detector, settings, new NatedRegistrations() {
            @Override
            public void nated(AddressOfRecord aor, String contact, Flow flow) {
                keepAlives.registering(aor, contact, flow);
            }

            @Override
            public void notNated(AddressOfRecord aor, String contact) {
                keepAlives.notNated(aor, contact);
            }
        }));
        // both listeners only touch a concurrent map: on the publisher's thread, never blocking it
        context.sip().events().subscribe(SwitchboardEvent.Registered.class, Runnable::run,
                registered -> keepAlives.registered(registered.aor(), registered.contact()));
        context.sip().events().subscribe(SwitchboardEvent.Unregistered.class, Runnable::run,
                unregistered -> keepAlives.unregistered(unregistered.aor(), unregistered.contact()));
        ticks = context.scheduler().scheduleWithFixedDelay(keepAlives::tick, TICK.toMillis(), TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        context.sip().addProcessor(Stage.NAT, new NatedContactFixup(detector, settings));
        context.sip().addProcessor(Stage.NAT, new NatedExpiryClamp(detector, settings));
        NatedCallees callees = new NatedCallees(CALLS_REMEMBERED);
        context.sip().addTargetProcessor(callees);
        context.sip().addRelayHook(callees);
        context.sip().events().subscribe(SwitchboardEvent.CallEnded.class, Runnable::run,
                ended -> callees.forget(ended.callId()));
        LOG.info("NAT gateway: phones behind NAT are reached over their flow (mode {})", settings.get().mode()
                .name().toLowerCase(Locale.ROOT));
        startRtpRelay(context, detector, settings);

        StunResponder responder = new StunResponder(stunStatistics);
        context.sip().claimDatagrams(new StunClaim(responder));
        int stunPort = settings.get().stunPort();
        if (stunPort == 0) {
            LOG.info("STUN: on the SIP UDP ports only (nat.stunPort is 0)");
            return;
        }
        stun = startStun(responder, stunPort);
    }

    /** The RTP relay: SDP rewritten at the relay point, ports freed when a call ends or its media stops. */
    private void startRtpRelay(PluginContext context, NatDetector detector, Supplier<NatSettings> settings) {
        Supplier<RtpSettings> rtp = context.service(Settings.class)
                .<Supplier<RtpSettings>>map(s -> () -> s.current(RtpSettings.SECTION))
                .orElse(RtpSettings.SECTION::defaults);
        RtpSettings initial = rtp.get();
        mediaRelay = MediaRelay.start(initial.portRange(), Runtime.getRuntime().availableProcessors());
        MediaAnchoring anchoring = new MediaAnchoring(mediaRelay, detector, settings, rtp, HostAddresses.find(),
                CALLS_REMEMBERED);
        context.sip().addProcessor(Stage.NAT, anchoring);
        context.sip().addTargetProcessor(anchoring);
        context.sip().addRelayHook(anchoring);
        // releasing closes channels asynchronously: quick, never blocking the publisher
        context.sip().events().subscribe(SwitchboardEvent.CallEnded.class, Runnable::run, ended -> {
            anchoring.forget(ended.callId());
            mediaRelay.release(ended.callId(), ended.reason() == SwitchboardEvent.EndReason.HUNG_UP ? "hung up"
                    : "not answered (" + ended.status() + ")");
        });
        mediaSweeps = context.scheduler().scheduleWithFixedDelay(() -> mediaRelay.sweep(rtp.get().mediaTimeout()),
                MEDIA_SWEEP.toMillis(), MEDIA_SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("RTP relay: mode {}, UDP ports {}{}", initial.relay().name().toLowerCase(Locale.ROOT), initial.ports(),
                initial.externalAddress().isEmpty() ? "" : ", external address " + initial.externalAddress());
    }

    /**
     * The STUN server on every address (IPv6 and IPv4 where the host has IPv6, else IPv4); a port
     * that is taken leaves STUN on the SIP ports only, with a warning, as a second server on the
     * host may hold it.
     */
    private static StunServer startStun(StunResponder responder, int port) throws InterruptedException {
        for (String wildcard : new String[] {"::", "0.0.0.0"}) {
            StunServer server = new StunServer(responder);
            try {
                server.start(InetAddress.getByName(wildcard), port);
                return server;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.debug("STUN server not bound on {}: {}", wildcard, e.toString());
                if (wildcard.equals("0.0.0.0")) {
                    LOG.warn("STUN: UDP port {} or {} cannot be opened ({}); STUN is answered on the SIP UDP ports "
                            + "only. Free the ports or set --stun-port", port, port + 1, e.getMessage());
                }
            }
        }
        return null;
    }

    /** The STUN server's statistics since start. */
    public StunStatistics stunStatistics() {
        return stunStatistics;
    }

    /** The RTP relay, or {@code null} before start. */
    public MediaRelay mediaRelay() {
        return mediaRelay;
    }

    /** The keep-alives of NATed flows, or {@code null} before start. */
    public KeepAlives keepAlives() {
        return keepAlives;
    }

    @Override
    public void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
        if (stun != null) {
            stun.close();
        }
        if (mediaSweeps != null) {
            mediaSweeps.cancel(false);
        }
        if (mediaRelay != null) {
            mediaRelay.close();
        }
    }
}
