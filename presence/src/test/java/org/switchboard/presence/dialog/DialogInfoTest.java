package org.switchboard.presence.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.NameAddr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DialogInfoTest {
    private static final AddressOfRecord ALICE = AddressOfRecord.parse("sip:200@example.com");
    private static final AddressOfRecord BOB = AddressOfRecord.parse("sip:201@example.com");

    private static TrackedCall call(DialogState state) {
        return new TrackedCall("abc@host", "caller-tag", "callee-tag", ALICE,
                NameAddr.parse("\"Alice \\\"A\\\" <Desk>\" <sip:200@example.com>"), "sip:200@192.0.2.20", BOB,
                NameAddr.parse("<sip:201@example.com>"), state, Instant.EPOCH);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRingingCallShowsTheRecipientTheCallerWithDisplayNameTagsAndCallId() throws Exception {
        Document doc = parse(DialogInfo.render(BOB, 3, List.of(call(DialogState.EARLY)), List.of()));

        Element info = doc.getDocumentElement();
        assertThat(info.getNamespaceURI()).isEqualTo("urn:ietf:params:xml:ns:dialog-info");
        assertThat(info.getAttribute("version")).isEqualTo("3");
        assertThat(info.getAttribute("state")).isEqualTo("full");
        assertThat(info.getAttribute("entity")).isEqualTo("sip:201@example.com");
        Element dialog = (Element) info.getElementsByTagName("dialog").item(0);
        assertThat(dialog.getAttribute("id")).isEqualTo("abc@host");
        assertThat(dialog.getAttribute("call-id")).isEqualTo("abc@host");
        assertThat(dialog.getAttribute("local-tag")).isEqualTo("callee-tag");
        assertThat(dialog.getAttribute("remote-tag")).isEqualTo("caller-tag");
        assertThat(dialog.getAttribute("direction")).isEqualTo("recipient");
        assertThat(dialog.getElementsByTagName("state").item(0).getTextContent()).isEqualTo("early");
        Element remote = (Element) dialog.getElementsByTagName("remote").item(0);
        Element identity = (Element) remote.getElementsByTagName("identity").item(0);
        assertThat(identity.getAttribute("display")).isEqualTo("Alice \"A\" <Desk>");
        assertThat(identity.getTextContent()).isEqualTo("sip:200@example.com");
        assertThat(((Element) remote.getElementsByTagName("target").item(0)).getAttribute("uri"))
                .isEqualTo("sip:200@example.com");
    }

    @Test
    void theCallersOwnDocumentShowsItAsInitiatorWithTheTagsTurnedRound() throws Exception {
        Document doc = parse(DialogInfo.render(ALICE, 0, List.of(call(DialogState.CONFIRMED)), List.of()));

        Element dialog = (Element) doc.getElementsByTagName("dialog").item(0);
        assertThat(dialog.getAttribute("direction")).isEqualTo("initiator");
        assertThat(dialog.getAttribute("local-tag")).isEqualTo("caller-tag");
        assertThat(dialog.getAttribute("remote-tag")).isEqualTo("callee-tag");
        assertThat(dialog.getElementsByTagName("state").item(0).getTextContent()).isEqualTo("confirmed");
    }

    @Test
    void anEndedCallIsShownTerminatedAndNoCallsMeansNoDialogs() throws Exception {
        Document ended = parse(DialogInfo.render(BOB, 1, List.of(), List.of(call(DialogState.CONFIRMED))));
        Document idle = parse(DialogInfo.render(BOB, 2, List.of(), List.of()));

        assertThat(ended.getElementsByTagName("state").item(0).getTextContent()).isEqualTo("terminated");
        assertThat(idle.getElementsByTagName("dialog").getLength()).isZero();
    }

    @Test
    void escapesWhatXmlReservesAndDropsControlCharacters() {
        assertThat(DialogInfo.escape("a<b>&\"c'\u0001d")).isEqualTo("a&lt;b&gt;&amp;&quot;c&apos;d");
        assertThat(DialogInfo.escape("plain")).isEqualTo("plain");
    }
}
