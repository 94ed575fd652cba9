package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BytesTest {

    /** A buffer of 'x' with the given bytes placed at the given index. */
    private static byte[] buffer(int length, int at, byte b) {
        byte[] buf = new byte[length];
        Arrays.fill(buf, (byte) 'x');
        if (at >= 0) {
            buf[at] = b;
        }
        return buf;
    }

    @Test
    void findsTheFirstLfAtEveryPositionAndStartOffset() {
        for (int at = 0; at < 24; at++) {
            for (int from = 0; from <= at; from++) {
                byte[] buf = buffer(24, at, (byte) '\n');
                buf[23] = '\n';
                assertThat(Bytes.indexOfLf(buf, from, 24)).as("LF at %d from %d", at, from).isEqualTo(at);
            }
        }
    }

    @Test
    void lfMissingOrOutsideTheRangeIsNotFound() {
        assertThat(Bytes.indexOfLf(buffer(20, -1, (byte) 0), 0, 20)).isEqualTo(-1);
        assertThat(Bytes.indexOfLf(buffer(20, 15, (byte) '\n'), 0, 15)).isEqualTo(-1);
        assertThat(Bytes.indexOfLf(buffer(20, 3, (byte) '\n'), 4, 20)).isEqualTo(-1);
    }

    @Test
    void bytesAboveAsciiAreNoLineBreaks() {
        byte[] buf = new byte[19];
        Arrays.fill(buf, (byte) 0x8a);
        assertThat(Bytes.indexOfLf(buf, 0, buf.length)).isEqualTo(-1);
        assertThat(Bytes.containsLineBreak(buf, 0, buf.length)).isFalse();
    }

    @Test
    void seesCrAndLfAtEveryPosition() {
        for (byte b : new byte[] {'\r', '\n'}) {
            for (int at = 0; at < 20; at++) {
                assertThat(Bytes.containsLineBreak(buffer(20, at, b), 0, 20)).isTrue();
                assertThat(Bytes.containsLineBreak(buffer(20, at, b), at + 1, 20)).isFalse();
                assertThat(Bytes.containsLineBreak(buffer(20, at, b), 0, at)).isFalse();
            }
        }
    }

    @Test
    void lineBreakSearchStepsOverTabsAndOtherControlBytes() {
        for (byte other : new byte[] {'\t', 0x00, 0x0b, 0x0c, 0x0e, (byte) 0x8d}) {
            for (int at = 0; at < 20; at++) {
                byte[] buf = buffer(24, at, other);
                buf[21] = '\r';
                assertThat(Bytes.indexOfLineBreak(buf, 0, 24)).as("byte %d at %d", other, at).isEqualTo(21);
            }
        }
    }

    @Test
    void findsTheFirstCrOrLfAtEveryPositionBehindControlBytes() {
        for (byte b : new byte[] {'\r', '\n'}) {
            for (int at = 0; at < 20; at++) {
                byte[] buf = buffer(20, at, b);
                if (at > 0) {
                    buf[at - 1] = '\t';
                }
                assertThat(Bytes.indexOfLineBreak(buf, 0, 20)).as("at %d", at).isEqualTo(at);
                assertThat(Bytes.indexOfLineBreak(buf, at + 1, 20)).isEqualTo(-1);
            }
        }
    }

    @Test
    void findsAByteAtEveryPositionOnlyInsideTheRange() {
        for (int at = 0; at < 20; at++) {
            byte[] buf = buffer(20, at, (byte) ':');
            assertThat(Bytes.indexOf(buf, (byte) ':', 0, 20)).isEqualTo(at);
            assertThat(Bytes.indexOf(buf, (byte) ':', 0, at)).isEqualTo(-1);
            assertThat(Bytes.indexOf(buf, (byte) ':', at + 1, 20)).isEqualTo(-1);
        }
        assertThat(Bytes.indexOf(buffer(20, 5, (byte) 0xba), (byte) ':', 0, 20)).isEqualTo(-1);
        assertThat(Bytes.indexOf(buffer(20, 5, (byte) 0xba), (byte) 0xba, 0, 20)).isEqualTo(5);
    }

    @Test
    void addressStopsAreFoundAtEveryPosition() {
        for (byte stop : new byte[] {'>', '<', '"', ' ', '\t', '\r', 0x00, 0x20}) {
            for (int at = 0; at < 20; at++) {
                assertThat(Bytes.indexOfAddressStop(buffer(20, at, stop), 0, 20)).as("%d at %d", stop, at)
                        .isEqualTo(at);
                assertThat(Bytes.indexOfAddressStop(buffer(20, at, stop), at + 1, 20)).isEqualTo(20);
            }
        }
    }

    @Test
    void bytesNearTheStopsAreNoStops() {
        for (byte other : new byte[] {'=', '?', '!', '#', '@', 0x21, 0x7f, (byte) 0x80, (byte) 0xbe, (byte) 0xa0}) {
            assertThat(Bytes.indexOfAddressStop(buffer(20, 9, other), 0, 20)).as("%d", other).isEqualTo(20);
        }
    }

    @Test
    void exclamationMarksBeforeAStopAreSteppedOver() {
        for (int at = 0; at < 20; at++) {
            byte[] buf = buffer(20, at, (byte) '>');
            Arrays.fill(buf, 0, at, (byte) '!');
            assertThat(Bytes.indexOfAddressStop(buf, 0, 20)).as("after %d", at).isEqualTo(at);
        }
        byte[] only = new byte[20];
        Arrays.fill(only, (byte) '!');
        assertThat(Bytes.indexOfAddressStop(only, 0, 20)).isEqualTo(20);
    }

    @Test
    void eitherOfTwoBytesIsFoundAtEveryPosition() {
        for (byte b : new byte[] {'"', '\\'}) {
            for (int at = 0; at < 20; at++) {
                assertThat(Bytes.indexOfEither(buffer(20, at, b), (byte) '"', (byte) '\\', 0, 20)).isEqualTo(at);
                assertThat(Bytes.indexOfEither(buffer(20, at, b), (byte) '"', (byte) '\\', at + 1, 20)).isEqualTo(20);
            }
        }
        assertThat(Bytes.indexOfEither(buffer(20, -1, (byte) 0), (byte) '"', (byte) ',', 21, 20)).isEqualTo(20);
        assertThat(Bytes.indexOfEither(buffer(20, 3, (byte) 0xa2), (byte) '"', (byte) ',', 0, 20)).isEqualTo(20);
        assertThat(Bytes.indexOfEither(buffer(20, 3, (byte) 0xa2), (byte) 0xa2, (byte) ',', 0, 20)).isEqualTo(3);
    }

    @Test
    void printableAsciiIsSpaceToDelWithNoControlOrHighByteAnywhere() {
        assertThat(Bytes.isPrintableAscii(buffer(20, 5, (byte) ' '), 0, 20)).isTrue();
        assertThat(Bytes.isPrintableAscii(buffer(20, 5, (byte) 0x7f), 0, 20)).isTrue();
        for (byte other : new byte[] {'\t', 0x00, 0x1f, (byte) 0x80, (byte) 0xa0, (byte) 0xff}) {
            for (int at = 0; at < 20; at++) {
                assertThat(Bytes.isPrintableAscii(buffer(20, at, other), 0, 20)).as("%d at %d", other, at).isFalse();
                assertThat(Bytes.isPrintableAscii(buffer(20, at, other), at + 1, 20)).isTrue();
            }
        }
    }
}
