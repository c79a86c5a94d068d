package io.alertjobbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class HostListParserTest {

    private static final String KEY = "1000005_3";

    @Test
    void semicolons_commas_and_any_whitespace_separate_hosts() throws Exception {
        assertThat(HostListParser.parse(KEY, " 10.0.0.1;10.0.0.2,10.0.0.3\t10.0.0.4\n\n10.0.0.5 ;; ,", 0))
                .extracting(HostAddress::ip)
                .containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5");
    }

    @Test
    void duplicates_are_dropped_keeping_first_seen_order() throws Exception {
        assertThat(HostListParser.parse(KEY, "1:10.0.0.2 10.0.0.1 1:10.0.0.2 0:10.0.0.1 2:10.0.0.1", 0))
                .containsExactly(new HostAddress(1, "10.0.0.2"), new HostAddress(0, "10.0.0.1"),
                        new HostAddress(2, "10.0.0.1"));
    }

    @Test
    void bare_ip_gets_the_default_cloud_id_and_cloud_ip_its_own() throws Exception {
        assertThat(HostListParser.parse(KEY, "10.0.0.1 0:10.0.0.1 7:10.0.0.1", 7))
                .containsExactly(new HostAddress(7, "10.0.0.1"), new HostAddress(0, "10.0.0.1"));
    }

    @Test
    void ipv6_forms_are_canonicalised_before_deduplication() throws Exception {
        assertThat(HostListParser.parse(KEY, "fd00::15 [FD00:0::0015] 2:[fd00::15] 2:[fd00:0:0:0:0:0:0:15] ::1", 0))
                .containsExactly(new HostAddress(0, "fd00::15"), new HostAddress(2, "fd00::15"),
                        new HostAddress(0, "::1"));
    }

    @Test
    void unbracketed_ipv6_after_a_cloud_id_reads_as_one_address() throws Exception {
        // "2:fd00::15" is itself a valid IPv6 address; a cloud id needs brackets: "2:[fd00::15]".
        assertThat(HostListParser.parse(KEY, "2:fd00::15", 5)).containsExactly(new HostAddress(5, "2:fd00::15"));
    }

    @Test
    void nothing_but_separators_gives_no_hosts() throws Exception {
        assertThat(HostListParser.parse(KEY, "", 0)).isEmpty();
        assertThat(HostListParser.parse(KEY, " ;\t,\n ", 0)).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> a_bad_piece_fails_naming_the_key_and_the_piece() {
        return Stream.of("10.0.1.300", "host-a", "10.0.1", "10.0.1.1.1", "010.0.0.1", "x:10.0.0.1", "-1:10.0.0.1",
                        ":10.0.0.1", "0:", ":", "1:2", "2:[10.0.0.1]", "2:[fd00::15", "[fd00::15", "[]", "2:[]",
                        "fd00:::15", "fd00::15::1", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "gggg::1",
                        "99999999999999999999:10.0.0.1", "١٠.0.0.1")
                .map(piece -> DynamicTest.dynamicTest(piece, () ->
                        assertThatThrownBy(() -> HostListParser.parse(KEY, "10.0.0.9;" + piece, 0))
                                .isInstanceOf(MappingException.class)
                                .hasMessageStartingWith("host list key \"1000005_3\": \"" + piece + "\" is not a host")));
    }

    @Test
    void default_cloud_id_is_the_event_cloud_id_when_it_is_a_non_negative_integer() {
        assertThat(HostListParser.defaultCloudId(2)).isEqualTo(2);
        assertThat(HostListParser.defaultCloudId(3L)).isEqualTo(3);
        assertThat(HostListParser.defaultCloudId(BigInteger.valueOf(4))).isEqualTo(4);
        assertThat(HostListParser.defaultCloudId("5")).isEqualTo(5);
        assertThat(HostListParser.defaultCloudId(" 6 ")).isEqualTo(6);
    }

    @Test
    void default_cloud_id_is_zero_for_anything_else() {
        assertThat(HostListParser.defaultCloudId(null)).isZero();
        assertThat(HostListParser.defaultCloudId("")).isZero();
        assertThat(HostListParser.defaultCloudId(-1)).isZero();
        assertThat(HostListParser.defaultCloudId("-1")).isZero();
        assertThat(HostListParser.defaultCloudId(2.5)).isZero();
        assertThat(HostListParser.defaultCloudId("abc")).isZero();
        assertThat(HostListParser.defaultCloudId(BigInteger.TWO.pow(70))).isZero();
    }
}
