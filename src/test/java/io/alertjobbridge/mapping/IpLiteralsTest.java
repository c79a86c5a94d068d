package io.alertjobbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpLiteralsTest {

    @Test
    void dotted_quads_are_accepted_as_written() {
        assertThat(IpLiterals.canonicalIpv4("10.0.1.15")).isEqualTo("10.0.1.15");
        assertThat(IpLiterals.canonicalIpv4("0.0.0.0")).isEqualTo("0.0.0.0");
        assertThat(IpLiterals.canonicalIpv4("255.255.255.255")).isEqualTo("255.255.255.255");
    }

    @Test
    void anything_but_a_plain_dotted_quad_is_not_ipv4() {
        for (String text : new String[] {"", "999.1.1.1", "256.0.0.1", "10.0.1", "10.0.0.0.1", "10..0.1", "10.0.0.",
                ".10.0.0", "010.0.0.1", "10.0.0.1 ", "a.b.c.d", "host-a", "1e1.0.0.1", "+1.0.0.1", "0x1.0.0.1"}) {
            assertThat(IpLiterals.canonicalIpv4(text)).as(text).isNull();
        }
    }

    @Test
    void ipv6_is_written_back_in_rfc_5952_form() {
        assertThat(IpLiterals.canonicalIpv6("fd00::15")).isEqualTo("fd00::15");
        assertThat(IpLiterals.canonicalIpv6("FD00:0000:0000:0000:0000:0000:0000:0015")).isEqualTo("fd00::15");
        assertThat(IpLiterals.canonicalIpv6("::")).isEqualTo("::");
        assertThat(IpLiterals.canonicalIpv6("::1")).isEqualTo("::1");
        assertThat(IpLiterals.canonicalIpv6("1::")).isEqualTo("1::");
        assertThat(IpLiterals.canonicalIpv6("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(IpLiterals.canonicalIpv6("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpLiterals.canonicalIpv6("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
        assertThat(IpLiterals.canonicalIpv6("1::2:3:4:5:6:7")).isEqualTo("1:0:2:3:4:5:6:7");
        assertThat(IpLiterals.canonicalIpv6("::ffff:10.0.1.15")).isEqualTo("::ffff:a00:10f");
        assertThat(IpLiterals.canonicalIpv6("64:ff9b::192.0.2.33")).isEqualTo("64:ff9b::c000:221");
    }

    @Test
    void malformed_ipv6_is_refused() {
        for (String text : new String[] {"", ":", ":::", "1:::2", "1::2::3", ":1::", "1::2:", "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9", "1::2:3:4:5:6:7:8", "12345::1", "g::1", "fe80::1%eth0", "::1.2.3", "::256.0.0.1",
                "1.2.3.4::", "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4", "10.0.0.1", "[::1]"}) {
            assertThat(IpLiterals.canonicalIpv6(text)).as(text).isNull();
        }
    }
}
