package org.switchboard.registrar.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.Reach;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

class JournalRecordCodecTest {

    @Test
    void roundTripsEveryField() throws IOException {
        Flow flow = new Flow(Transport.UDP, new InetSocketAddress("::1", 5060),
                new InetSocketAddress("2001:db8::7", 40123), 0);
        Binding b = new Binding(new AddressOfRecord("Älice", "example.com"), "sip:alice@[2001:db8::7]:40123", 0.5,
                Instant.ofEpochMilli(1_900_000_000_123L), "call-1@host", 42, List.of("<sip:edge;lr>", "<sip:b;lr>"),
                "<urn:uuid:1>", 2, flow, "snom D785/10.1");

        JournalRecordCodec.Change upsert = JournalRecordCodec.decode(JournalRecordCodec.encode(b, false));
        JournalRecordCodec.Change removal = JournalRecordCodec.decode(JournalRecordCodec.encode(b, true));

        assertThat(upsert).isEqualTo(new JournalRecordCodec.Change(b, false));
        assertThat(removal).isEqualTo(new JournalRecordCodec.Change(b, true));
    }

    @Test
    void keepsAbsentOptionalFieldsAbsent() throws IOException {
        Binding b = BindingFixtures.binding("sip:201@192.0.2.10", 1.0, Instant.EPOCH, "a", 1);
        Binding bare = new Binding(b.aor(), b.contactUri(), 1.0, b.expiresAt(), "a", 1, List.of(), null, 0, b.flow(),
                null);

        assertThat(JournalRecordCodec.decode(JournalRecordCodec.encode(bare, false)).binding()).isEqualTo(bare);
    }

    @Test
    void roundTripsAContactReachedAtItsContactUri() throws IOException {
        Binding b = BindingFixtures.binding("sip:201@192.0.2.10", 1.0, Instant.EPOCH, "a", 1);
        Binding atContact = new Binding(b.aor(), b.contactUri(), 1.0, b.expiresAt(), "a", 1, List.of(), null, 0,
                b.flow(), null, Reach.CONTACT);

        assertThat(JournalRecordCodec.decode(JournalRecordCodec.encode(atContact, false)).binding()).isEqualTo(atContact);
    }

    @Test
    void recordWrittenBeforeReachWasKeptIsReachedOverItsFlow() throws IOException {
        Binding b = BindingFixtures.binding("sip:201@192.0.2.10", 1.0, Instant.EPOCH, "a", 1);
        Binding atContact = new Binding(b.aor(), b.contactUri(), 1.0, b.expiresAt(), "a", 1, List.of(), null, 0,
                b.flow(), "phone", Reach.CONTACT);
        byte[] record = JournalRecordCodec.encode(atContact, false);
        byte[] withoutReach = Arrays.copyOf(record, record.length - 1);

        assertThat(JournalRecordCodec.decode(withoutReach).binding().reach()).isEqualTo(Reach.FLOW);
    }

    @Test
    void rejectsTruncatedRecords() {
        byte[] record = JournalRecordCodec.encode(BindingFixtures.binding("sip:201@192.0.2.10", 1.0, Instant.EPOCH,
                "a", 1), false);
        // the last byte, the reach, may be missing (records written before it); a cut before it may not
        for (int cut : new int[] {0, 1, 5, record.length / 2, record.length - 2}) {
            assertThatThrownBy(() -> JournalRecordCodec.decode(Arrays.copyOf(record, cut)))
                    .as("cut at %d", cut).isInstanceOf(IOException.class);
        }
    }
}
