package org.switchboard.nat.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class StunCodecTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("198.51.100.1", 3478);

    @Test
    void parsesTheRfc5769SampleRequestAndChecksItsFingerprint() throws Exception {
        StunRequest request = StunCodec.parseRequest(ByteBuffer.wrap(Rfc5769Vectors.REQUEST));
        assertThat(request.isBinding()).isTrue();
        assertThat(request.classic()).isFalse();
        assertThat(request.unknownRequired()).as("PRIORITY, USERNAME and MESSAGE-INTEGRITY are taken").isEmpty();
        assertThat(request.id()).isEqualTo(Arrays.copyOfRange(Rfc5769Vectors.REQUEST, 4, 20));
    }

    @Test
    void fingerprintsOfTheRfc5769ResponsesMatchOurCrc() {
        for (byte[] response : List.of(Rfc5769Vectors.IPV4_RESPONSE, Rfc5769Vectors.IPV6_RESPONSE)) {
            ByteBuffer message = ByteBuffer.wrap(response);
            int end = response.length - 8;
            assertThat(StunCodec.fingerprint(message, end)).isEqualTo(message.getInt(end + 4));
        }
    }

    @Test
    void xorMappedAddressIsTheRfc5769IPv4Vector() throws Exception {
        ByteBuffer response = StunCodec.bindingSuccess(StunCodec.parseRequest(ByteBuffer.wrap(Rfc5769Vectors.REQUEST)),
                new InetSocketAddress("192.0.2.1", 32853), SERVER, null);
        assertThat(attribute(response, StunCodec.XOR_MAPPED_ADDRESS)).isEqualTo(attribute(
                ByteBuffer.wrap(Rfc5769Vectors.IPV4_RESPONSE), StunCodec.XOR_MAPPED_ADDRESS));
    }

    @Test
    void xorMappedAddressIsTheRfc5769IPv6Vector() throws Exception {
        ByteBuffer response = StunCodec.bindingSuccess(StunCodec.parseRequest(ByteBuffer.wrap(Rfc5769Vectors.REQUEST)),
                new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853), SERVER, null);
        assertThat(attribute(response, StunCodec.XOR_MAPPED_ADDRESS)).isEqualTo(attribute(
                ByteBuffer.wrap(Rfc5769Vectors.IPV6_RESPONSE), StunCodec.XOR_MAPPED_ADDRESS));
    }

    @Test
    void successResponseCarriesMappedAddressSoftwareAndAValidFingerprintLast() throws Exception {
        StunRequest request = StunCodec.parseRequest(ByteBuffer.wrap(Rfc5769Vectors.REQUEST));
        ByteBuffer response = StunCodec.bindingSuccess(request, new InetSocketAddress("192.0.2.1", 32853), SERVER,
                new InetSocketAddress("198.51.100.1", 3479));
        assertThat(response.getShort(0)).isEqualTo((short) 0x0101);
        assertThat(response.getShort(2) & 0xFFFF).isEqualTo(response.remaining() - 20);
        assertThat(attribute(response, StunCodec.MAPPED_ADDRESS)).isEqualTo(HexFormat.of().parseHex("00018055c0000201"));
        assertThat(attribute(response, StunCodec.RESPONSE_ORIGIN)).isEqualTo(HexFormat.of().parseHex("00010d96c6336401"));
        assertThat(attribute(response, StunCodec.OTHER_ADDRESS)).isEqualTo(HexFormat.of().parseHex("00010d97c6336401"));
        assertThat(new String(attribute(response, StunCodec.SOFTWARE))).isEqualTo("Switchboard");
        int end = response.remaining() - 8;
        assertThat(response.getShort(end)).isEqualTo((short) StunCodec.FINGERPRINT);
        assertThat(response.getInt(end + 4)).isEqualTo(StunCodec.fingerprint(response, end));
    }

    @Test
    void rfc3489ClientGetsMappedSourceAndChangedAddressWithoutFingerprint() throws Exception {
        ByteBuffer classic = ByteBuffer.wrap(HexFormat.of().parseHex(
                "00010008" + "0102030405060708090a0b0c0d0e0f10" + "0003000400000000"));
        StunRequest request = StunCodec.parseRequest(classic);
        assertThat(request.classic()).isTrue();
        ByteBuffer response = StunCodec.bindingSuccess(request, new InetSocketAddress("192.0.2.1", 32853), SERVER,
                new InetSocketAddress("198.51.100.1", 3479));
        assertThat(attribute(response, StunCodec.MAPPED_ADDRESS)).isEqualTo(HexFormat.of().parseHex("00018055c0000201"));
        assertThat(attribute(response, StunCodec.SOURCE_ADDRESS)).isNotNull();
        assertThat(attribute(response, StunCodec.CHANGED_ADDRESS)).isNotNull();
        assertThat(attribute(response, StunCodec.XOR_MAPPED_ADDRESS)).isNull();
        assertThat(attribute(response, StunCodec.FINGERPRINT)).isNull();
        byte[] id = new byte[16];
        response.get(4, id);
        assertThat(id).isEqualTo(HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10"));
    }

    @Test
    void changeRequestFlagsAreRead() throws Exception {
        StunRequest port = StunCodec.parseRequest(ByteBuffer.wrap(HexFormat.of().parseHex(
                "00010008" + "2112a442" + "0102030405060708090a0b0c" + "0003000400000002")));
        assertThat(port.changePort()).isTrue();
        assertThat(port.changeIp()).isFalse();
        StunRequest ip = StunCodec.parseRequest(ByteBuffer.wrap(HexFormat.of().parseHex(
                "00010008" + "2112a442" + "0102030405060708090a0b0c" + "0003000400000004")));
        assertThat(ip.changeIp()).isTrue();
    }

    @Test
    void malformedMessagesAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> parse("000100002112a442")).hasMessageContaining("shorter");
        assertThatThrownBy(() -> parse("00010004" + "2112a442" + "0102030405060708090a0b0c"))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> parse("00010008" + "2112a442" + "0102030405060708090a0b0c" + "0006000800000000"))
                .hasMessageContaining("runs past the end");
        assertThatThrownBy(() -> parse("01010000" + "2112a442" + "0102030405060708090a0b0c"))
                .hasMessageContaining("not a request");
        byte[] corrupted = Rfc5769Vectors.REQUEST.clone();
        corrupted[30] ^= 1; // inside SOFTWARE: the FINGERPRINT no longer matches
        assertThatThrownBy(() -> StunCodec.parseRequest(ByteBuffer.wrap(corrupted)))
                .hasMessageContaining("FINGERPRINT does not match");
    }

    @Test
    void unknownComprehensionRequiredAttributeIsListedAndAnswered420() throws Exception {
        StunRequest request = StunCodec.parseRequest(ByteBuffer.wrap(HexFormat.of().parseHex(
                "0001000c" + "2112a442" + "0102030405060708090a0b0c" + "7f0100040000000080aa0000")));
        assertThat(request.unknownRequired()).containsExactly(0x7f01);
        ByteBuffer error = StunCodec.error(request, 420, "Unknown Attribute", request.unknownRequired());
        assertThat(error.getShort(0)).isEqualTo((short) 0x0111);
        assertThat(attribute(error, StunCodec.ERROR_CODE)).startsWith(0, 0, 4, 20);
        assertThat(attribute(error, StunCodec.UNKNOWN_ATTRIBUTES)).isEqualTo(new byte[] {0x7f, 0x01});
    }

    private static StunRequest parse(String hex) throws MalformedStunException {
        return StunCodec.parseRequest(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
    }

    /** The value of the first attribute of {@code type}, or {@code null}. */
    static byte[] attribute(ByteBuffer message, int type) {
        int at = 20;
        int end = message.remaining();
        while (at + 4 <= end) {
            int t = message.getShort(at) & 0xFFFF;
            int length = message.getShort(at + 2) & 0xFFFF;
            if (t == type) {
                byte[] value = new byte[length];
                message.get(at + 4, value);
                return value;
            }
            at += 4 + ((length + 3) & ~3);
        }
        return null;
    }
}
