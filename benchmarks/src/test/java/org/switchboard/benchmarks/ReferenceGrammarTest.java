package org.switchboard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;

/**
 * jain-sip-ri as a reference grammar: the lazy model and jain-sip-ri's full parser must agree on
 * every field the proxy routes on, for the received samples and for what the lazy path forwards.
 */
class ReferenceGrammarTest {

    @ParameterizedTest
    @EnumSource(SampleMessage.class)
    void agreeOnReceivedMessage(SampleMessage sample) throws ParseException {
        assertAgree(sample.bytes());
    }

    @ParameterizedTest
    @EnumSource(SampleMessage.class)
    void agreeOnForwardedMessage(SampleMessage sample) throws ParseException {
        assertAgree(LazyHotPath.process(sample.bytes()).forwarded());
    }

    private static void assertAgree(byte[] wire) throws ParseException {
        SipMessage lazy = SipParser.parse(wire, 0, wire.length, true).message();
        SIPMessage reference = new StringMsgParser().parseSIPMessage(wire, true, true, null);
        assertThat(lazy).isNotNull();
        assertThat(reference).isNotNull();
        assertThat(lazy.validate()).isNull();

        assertThat(lazy.callId()).isEqualTo(((CallIdHeader) reference.getHeader(CallIdHeader.NAME)).getCallId());
        CSeqHeader cseq = (CSeqHeader) reference.getHeader(CSeqHeader.NAME);
        assertThat(lazy.cseq().number()).isEqualTo(cseq.getSeqNumber());
        assertThat(lazy.cseq().method()).isEqualTo(cseq.getMethod());
        assertThat(lazy.topVia().branch()).isEqualTo(((ViaHeader) reference.getHeader(ViaHeader.NAME)).getBranch());
        assertThat(lazy.from().tag()).isEqualTo(((FromHeader) reference.getHeader(FromHeader.NAME)).getTag());
        assertThat(lazy.to().tag()).isEqualTo(((ToHeader) reference.getHeader(ToHeader.NAME)).getTag());
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) reference.getHeader(MaxForwardsHeader.NAME);
        assertThat(lazy.maxForwards()).isEqualTo(maxForwards == null ? -1 : maxForwards.getMaxForwards());

        List<String> referenceContacts = new ArrayList<>();
        ListIterator<?> it = reference.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            referenceContacts.add(((ContactHeader) it.next()).getAddress().getURI().toString());
        }
        assertThat(lazy.contacts()).extracting(NameAddr::uri).containsExactlyElementsOf(referenceContacts).isNotEmpty();
        assertThat(lazy.body()).isEqualTo(reference.getRawContent() == null ? new byte[0] : reference.getRawContent());
    }
}
