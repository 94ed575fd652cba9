package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParamsTest {

    private static Params parse(String s, String stops) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return Params.parse(b, 0, b.length, stops, new int[1]);
    }

    @Test
    void parsesValuedValuelessAndQuotedParameters() {
        Params p = parse(" ; Tag = abc ;lr; q=0.5;x=\"a \\\"b\\\"\"", "");

        assertThat(p.names()).containsExactly("Tag", "lr", "q", "x");
        assertThat(p.get("tag")).isEqualTo("abc");
        assertThat(p.has("LR")).isTrue();
        assertThat(p.get("lr")).isNull();
        assertThat(p.get("x")).isEqualTo("\"a \\\"b\\\"\"");
        assertThat(p.getUnquoted("x")).isEqualTo("a \"b\"");
        assertThat(p.toString()).isEqualTo(";Tag=abc;lr;q=0.5;x=\"a \\\"b\\\"\"");
    }

    @Test
    void aLongListGrowsItsTableAndKeepsEveryParameterInOrder() {
        StringBuilder list = new StringBuilder();
        for (int k = 0; k < 13; k++) {
            list.append(";p").append(k).append(k % 3 == 0 ? "" : k % 3 == 1 ? "=v" + k : "=\"a;b" + k + "\"");
        }
        Params p = parse(list.toString(), "");

        assertThat(p.names()).hasSize(13).startsWith("p0", "p1", "p2").endsWith("p12");
        assertThat(p.get("p0")).isNull();
        assertThat(p.has("p12")).isTrue();
        assertThat(p.get("p7")).isEqualTo("v7");
        assertThat(p.get("p11")).isEqualTo("\"a;b11\"");
        assertThat(p.toString()).isEqualTo(list.toString());
    }

    @Test
    void stopsAtAStopCharacter() {
        int[] end = new int[1];
        byte[] b = "sip:h;a=1?x=y".getBytes(StandardCharsets.UTF_8);
        Params p = Params.parse(b, 5, b.length, "?", end);

        assertThat(p.get("a")).isEqualTo("1");
        assertThat(end[0]).isEqualTo(9);
    }

    @Test
    void unquotedValuesTakeUriCharactersAndUtf8ButNoDelimiters() {
        Params p = parse(";maddr=[2001:db8::1];x=a/b@c&d$e(f);y=\u00e9t\u00e9;z=1,", ",");

        assertThat(p.get("maddr")).isEqualTo("[2001:db8::1]");
        assertThat(p.get("x")).isEqualTo("a/b@c&d$e(f)");
        assertThat(p.get("y")).isEqualTo("\u00e9t\u00e9");
        assertThat(p.get("z")).isEqualTo("1");
        for (String stray : new String[] {";a=b?c", ";a=b<c", ";a=b\"c\"", ";a=b{c", ";a=b\\c"}) {
            assertThatThrownBy(() -> parse(stray, "")).as(stray).isInstanceOf(SipParseException.class);
        }
    }

    @Test
    void withAndWithoutReturnCopies() {
        Params p = parse(";a=1;b", "");

        assertThat(p.with("A", "2").toString()).isEqualTo(";a=2;b");
        assertThat(p.with("c", null).toString()).isEqualTo(";a=1;b;c");
        assertThat(p.without("b").toString()).isEqualTo(";a=1");
        assertThat(p.toString()).isEqualTo(";a=1;b");
        assertThat(p).isEqualTo(parse(";A=1;B", ""));
    }

    @Test
    void rejectsEmptyNamesAndValuesAndStrayCharacters() {
        assertThatThrownBy(() -> parse(";;", "")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> parse(";a=", "")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> parse(";a=\"open", "")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> parse(";a b", "")).isInstanceOf(SipParseException.class);
    }

    @Test
    void checkThrowsWhatParseThrowsAndStopsWhereItStops() {
        for (String bad : new String[] {";;", ";a=", ";a=\"open", ";a b", ";=1", ";a=1 x"}) {
            byte[] b = Grammar.utf8(bad);
            assertThatThrownBy(() -> Params.check(b, 0, b.length, ""))
                    .isInstanceOf(SipParseException.class)
                    .hasMessage(catchThrowable(() -> Params.parse(b, 0, b.length, "", null)).getMessage());
        }
        byte[] b = Grammar.utf8(" ; a = \"x,y\" ;b , c");
        int[] parsed = new int[1];
        Params.parse(b, 0, b.length, ",", parsed);
        assertThat(Params.check(b, 0, b.length, ",")).isEqualTo(parsed[0]).isEqualTo(b.length - 3);
    }

    @Test
    void checkFindingFindsTheFirstWantedValueInAnyCaseAndWhereItEnds() {
        byte[] b = Grammar.utf8(";x=\"a;tag=b\" ; TAG = \"q\\\"r\" ;tag=second, next");
        long found = Params.checkFinding(b, 0, b.length, ",", "tag");
        int start = Params.valueStart(found);

        assertThat(Params.stop(found)).isEqualTo(b.length - 6);
        assertThat(Grammar.text(b, start, Params.valueEnd(b, start, Params.stop(found)))).isEqualTo("\"q\\\"r\"");
        byte[] plain = Grammar.utf8(";rport;branch=z9hG4bK1.2;received=192.0.2.1");
        long branch = Params.checkFinding(plain, 0, plain.length, "", "branch");
        int bs = Params.valueStart(branch);
        assertThat(Grammar.text(plain, bs, Params.valueEnd(plain, bs, plain.length))).isEqualTo("z9hG4bK1.2");
    }

    @Test
    void checkFindingReportsNoValueForAMissingOrValuelessParameter() {
        byte[] valueless = Grammar.utf8(";tag;tag=later");
        byte[] none = Grammar.utf8(";lr;ftag=1");

        assertThat(Params.valueStart(Params.checkFinding(valueless, 0, valueless.length, "", "tag"))).isEqualTo(-1);
        assertThat(Params.valueStart(Params.checkFinding(none, 0, none.length, "", "tag"))).isEqualTo(-1);
        assertThat(Params.stop(Params.checkFinding(none, 0, none.length, "", "tag"))).isEqualTo(none.length);
        assertThat(Params.none(7)).isEqualTo(Params.checkFinding(none, 7, 7, "", "tag"))
                .isEqualTo(Params.checkFinding(none, 7, 7, ",", "tag"));
    }
}
