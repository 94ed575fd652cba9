package org.switchboard.nat.detect;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Flow;

/**
 * The NAT stage's Contact fix-up: a request from a phone behind a NAT (an INVITE, a re-INVITE, a
 * SUBSCRIBE...) carries a Contact with its private address, which the other side of the dialog
 * would send its in-dialog requests to (RFC 3261 §12.1.1 makes it the remote target). The Contact's
 * host and port become the address and port the request came from, the NAT's public mapping, so
 * those requests reach the proxy (which record-routes) with a Request-URI that goes back through
 * the NAT's mapping. REGISTER is left alone: the registrar keeps the Contact as registered and
 * reaches it over the flow ({@link NatReachPolicy}). The domain is the From URI's host.
 *
 * <p>Threading: on the call's shard; never blocks.
 */
public final class NatedContactFixup implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(NatedContactFixup.class);

    private final NatDetector detector;
    private final Supplier<NatSettings> settings;

    public NatedContactFixup(NatDetector detector, Supplier<NatSettings> settings) {
        this.detector = detector;
        this.settings = settings;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (request.isMethod(SipMethod.REGISTER) || request.headers().firstValue(HeaderName.CONTACT) == null) {
            return ProcessorResult.CONTINUE;
        }
        Flow flow = context.flow();
        try {
            if (!isNated(request, flow)) {
                return ProcessorResult.CONTINUE;
            }
            SipRequest fixed = withContactsAt(request, flow.remote());
            if (fixed != request) {
                LOG.debug("{} from {} behind NAT: Contact now {}", request.method(), flow,
                        fixed.headers().firstValue(HeaderName.CONTACT));
                context.updateRequest(fixed);
            }
        } catch (SipParseException e) {
            // a malformed Contact or From is for the proxy's own checks to answer; nothing to fix here
            LOG.debug("{} from {}: Contact not fixed up: {}", request.method(), flow, e.getMessage());
        }
        return ProcessorResult.CONTINUE;
    }

    private boolean isNated(SipRequest request, Flow flow) {
        String domain = request.from().isSip() ? request.from().sipUri().host() : null;
        return switch (settings.get().modeFor(domain)) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> detector.isNated(request, flow);
        };
    }

    /** The request with each SIP Contact's host and port set to {@code source}; the same one if none changes. */
    static SipRequest withContactsAt(SipRequest request, InetSocketAddress source) {
        List<NameAddr> contacts = request.contacts();
        String host = Addresses.host(source.getAddress());
        boolean changed = false;
        SipRequest.Builder builder = request.toBuilder().remove(HeaderName.CONTACT);
        for (NameAddr contact : contacts) {
            NameAddr out = contact;
            if (contact.isSip()) {
                SipUri uri = contact.sipUri();
                if (!uri.host().equalsIgnoreCase(host) || uri.port() != source.getPort()) {
                    out = contact.withUri(uri.withHostPort(host, source.getPort()));
                    changed = true;
                }
            }
            builder.add(HeaderName.CONTACT, out.toString());
        }
        return changed ? builder.build() : request;
    }
}
