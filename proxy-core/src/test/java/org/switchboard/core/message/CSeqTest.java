package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CSeqTest {

    @Test
    void parsesNumberAndMethodWithLeadingZerosAndLws() {
        assertThat(CSeq.parse("  0009 \t INVITE ")).isEqualTo(new CSeq(9, "INVITE"));
        assertThat(CSeq.parse("2147483647 ACK").number()).isEqualTo(CSeq.MAX_NUMBER);
        assertThat(new CSeq(1, "BYE").toString()).isEqualTo("1 BYE");
    }

    @Test
    void theUsualValueAndItsNearMissesReadAlike() {
        assertThat(CSeq.parse("102 INVITE").method()).isSameAs(SipMethod.INVITE);
        assertThat(CSeq.parse("102 INVITE").number()).isEqualTo(102);
        assertThat(CSeq.parse("0000000000102 BYE")).isEqualTo(new CSeq(102, "BYE"));
        assertThat(CSeq.parse("7 FOO")).isEqualTo(new CSeq(7, "FOO"));
        assertThat(CSeq.parse("7  INVITE")).isEqualTo(new CSeq(7, "INVITE"));
        assertThat(CSeq.parse("7 invite")).isEqualTo(new CSeq(7, "invite"));
        assertThat(CSeq.parse("7\tACK")).isEqualTo(new CSeq(7, "ACK"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVITE", "1", "", "2147483648 INVITE", "9999999999 INVITE", "1 INVITE x", "1 ", "-1 INVITE", "1x INVITE", "1 IN/VITE", "١ INVITE"})
    void rejectsInvalidValues(String value) {
        assertThatThrownBy(() -> CSeq.parse(value)).isInstanceOf(SipParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"70", "0070", "255", "0"})
    void maxForwardsAcceptsZeroTo255WithLeadingZeros(String value) {
        assertThat(TestMessages.parse("OPTIONS sip:a@b.example SIP/2.0\nMax-Forwards: " + value + "\n\n").maxForwards())
                .isEqualTo(Integer.parseInt(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"256", "-1", "x", ""})
    void maxForwardsRejectsOtherValues(String value) {
        SipMessage m = TestMessages.parse("OPTIONS sip:a@b.example SIP/2.0\nMax-Forwards: " + value + "\n\n");

        assertThatThrownBy(m::maxForwards).isInstanceOf(SipParseException.class);
    }

    @Test
    void maxForwardsIsMinusOneWhenAbsent() {
        assertThat(TestMessages.parse("OPTIONS sip:a@b.example SIP/2.0\n\n").maxForwards()).isEqualTo(-1);
    }
}
