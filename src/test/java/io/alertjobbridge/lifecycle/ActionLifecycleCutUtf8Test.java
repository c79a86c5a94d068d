package io.alertjobbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionLifecycleCutUtf8Test {

    private static String cut(String text, int maxBytes) {
        return ActionLifecycle.cutUtf8(text.getBytes(StandardCharsets.UTF_8), maxBytes);
    }

    /** "清理临时文件" is six 3-byte characters (18 bytes). */
    @ParameterizedTest(name = "cut at {0} bytes -> ''{1}''")
    @CsvSource({"0,''", "1,''", "2,''", "3,清", "4,清", "5,清", "6,清理", "7,清理", "8,清理", "9,清理临",
            "16,清理临时文", "17,清理临时文"})
    void chinese_text_is_never_split_inside_a_character(int maxBytes, String expected) {
        String kept = cut("清理临时文件", maxBytes);

        assertThat(kept).isEqualTo(expected);
        assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(maxBytes);
    }

    @Test
    void mixed_ascii_two_three_and_four_byte_characters_cut_cleanly() {
        String text = "a\u00e9中😀b"; // 1 + 2 + 3 + 4 + 1 bytes

        assertThat(cut(text, 1)).isEqualTo("a");
        assertThat(cut(text, 2)).isEqualTo("a");
        assertThat(cut(text, 3)).isEqualTo("a\u00e9");
        assertThat(cut(text, 5)).isEqualTo("a\u00e9");
        assertThat(cut(text, 6)).isEqualTo("a\u00e9中");
        assertThat(cut(text, 9)).isEqualTo("a\u00e9中");
        assertThat(cut(text, 10)).isEqualTo("a\u00e9中😀");
    }

    @Test
    void cut_on_a_character_boundary_keeps_every_byte_up_to_it() {
        assertThat(cut("中文x", 6)).isEqualTo("中文");
        assertThat(cut("abcdef", 4)).isEqualTo("abcd");
    }
    @Test
    void text_that_fits_exactly_is_unchanged() {
        assertThat(cut("中文", 6)).isEqualTo("中文");
        assertThat(cut("abc", 3)).isEqualTo("abc");
        assertThat(cut("abc", 10)).isEqualTo("abc");
    }
}
