package io.alertjobbridge.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomesPerMinuteTest {

    private static final long NOW = Instant.parse("2026-03-01T10:42:37.250Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    @Test
    void the_window_is_the_last_sixty_whole_minutes_including_the_current_one() {
        MinuteWindow w = MinuteWindow.endingAt(NOW, 60);

        assertThat(Instant.ofEpochMilli(w.firstMinuteStart())).isEqualTo(Instant.parse("2026-03-01T09:43:00Z"));
        assertThat(Instant.ofEpochMilli(w.endExclusive())).isEqualTo(Instant.parse("2026-03-01T10:43:00Z"));
        assertThat(w.slotOf(w.firstMinuteStart())).isZero();
        assertThat(w.slotOf(w.firstMinuteStart() - 1)).isEqualTo(-1);
        assertThat(w.slotOf(NOW)).isEqualTo(59);
        assertThat(w.slotOf(w.endExclusive() - 1)).isEqualTo(59);
        assertThat(w.slotOf(w.endExclusive())).isEqualTo(-1);
    }

    @Test
    void a_minute_starts_on_the_epoch_minute() {
        assertThat(MinuteWindow.minuteStart(Instant.parse("2026-03-01T10:42:00Z").toEpochMilli()))
                .isEqualTo(Instant.parse("2026-03-01T10:42:00Z").toEpochMilli());
        assertThat(MinuteWindow.minuteStart(Instant.parse("2026-03-01T10:42:59.999Z").toEpochMilli()))
                .isEqualTo(Instant.parse("2026-03-01T10:42:00Z").toEpochMilli());
    }

    @Test
    void counts_land_in_their_minute_and_every_minute_of_the_window_is_listed() {
        MinuteWindow w = MinuteWindow.endingAt(NOW, 60);
        OutcomesPerMinute counts = new OutcomesPerMinute(w, List.of("received", "success", "failure"));

        counts.add("success", MinuteWindow.minuteStart(NOW), 3);
        counts.add("success", MinuteWindow.minuteStart(NOW) - MINUTE, 2);
        counts.add("failure", w.firstMinuteStart(), 1);
        counts.add("received", MinuteWindow.minuteStart(NOW), 6);

        List<Map<String, Object>> minutes = counts.minutes();
        assertThat(minutes).hasSize(60);
        assertThat(minutes.get(0)).containsEntry("start", "2026-03-01T09:43:00Z").containsEntry("failure", 1L)
                .containsEntry("success", 0L).containsEntry("received", 0L);
        assertThat(minutes.get(58)).containsEntry("start", "2026-03-01T10:41:00Z").containsEntry("success", 2L);
        assertThat(minutes.get(59)).containsEntry("start", "2026-03-01T10:42:00Z").containsEntry("success", 3L)
                .containsEntry("received", 6L);
        assertThat(counts.totals()).containsEntry("success", 5L).containsEntry("failure", 1L).containsEntry("received", 6L);
    }

    @Test
    void rows_outside_the_window_are_left_out() {
        MinuteWindow w = MinuteWindow.endingAt(NOW, 60);
        OutcomesPerMinute counts = new OutcomesPerMinute(w, List.of("success"));

        counts.add("success", w.firstMinuteStart() - MINUTE, 4);
        counts.add("success", w.endExclusive(), 4);

        assertThat(counts.total("success")).isZero();
    }

    @Test
    void an_unknown_series_is_a_bug_named_in_the_error() {
        OutcomesPerMinute counts = new OutcomesPerMinute(MinuteWindow.endingAt(NOW, 60), List.of("success"));

        assertThatThrownBy(() -> counts.add("exploded", NOW, 1)).hasMessageContaining("'exploded'");
    }

    @Test
    void a_window_needs_at_least_one_minute() {
        assertThatThrownBy(() -> MinuteWindow.endingAt(NOW, 0)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new MinuteWindow(NOW, 60)).hasMessageContaining("minute boundary");
    }
}
