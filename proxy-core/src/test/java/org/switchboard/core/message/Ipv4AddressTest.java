package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv4AddressTest {

    /** The host in {@code text} at 2 (after "x@"), the array long enough for the sixteen-byte window. */
    private static int endInWideArray(String text) {
        byte[] b = Arrays.copyOf(Grammar.utf8(text), text.length() + 16);
        // bytes past n must not count: make them digits
        Arrays.fill(b, text.length(), b.length, (byte) '7');
        return Ipv4Address.end(b, 2, text.length());
    }

    /** The same, in an array that ends with the text, which is read a byte at a time. */
    private static int endInTightArray(String text) {
        return Ipv4Address.end(Grammar.utf8(text), 2, text.length());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x@192.168.1.34:2048|14", "x@10.0.0.2;lr|10", "x@0.0.0.0|9", "x@255.255.255.255|17", "x@010.001.1.1>|13",
        "x@1.2.3.4|9", "x@192.168.1.34 |14"})
    void findsTheEndOfAValidAddress(String text, int end) {
        assertThat(endInWideArray(text)).isEqualTo(end);
        assertThat(endInTightArray(text)).isEqualTo(end);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x@256.1.1.1", "x@1.2.3", "x@1.2.3.4.5", "x@1.2.3.4.", "x@1..2.3", "x@.1.2.3", "x@1234.1.1.1", "x@1.2.3.1000",
        "x@1.2.3.4a", "x@1.2.3.4-", "x@example.com", "x@", "x@1.2.3.255255", "x@300.2.3.4:5", "x@1.2.3.4.5.6.7.8.9"})
    void rejectsWhatIsNotExactlyAnAddress(String text) {
        assertThat(endInWideArray(text)).isEqualTo(-1);
        assertThat(endInTightArray(text)).isEqualTo(-1);
    }

    @Test
    void wordAndBytePathsAgreeOnRandomHosts() {
        Random random = new Random(4475);
        String alphabet = "0123456789....a-:;>";
        for (int t = 0; t < 200_000; t++) {
            StringBuilder b = new StringBuilder("x@");
            int len = random.nextInt(20);
            for (int k = 0; k < len; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertThat(endInWideArray(text)).as(text).isEqualTo(endInTightArray(text));
        }
    }
}
