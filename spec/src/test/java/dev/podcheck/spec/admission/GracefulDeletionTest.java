package dev.podcheck.spec.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The apiserver's record of a pod's deletion (SEMANTICS T-1..T-3, registry/rest/delete.go BeforeDelete). */
class GracefulDeletionTest {

    @Test
    void should_take_the_pods_grace_when_the_DELETE_names_none() {
        assertThat(GracefulDeletion.after(null, 5_000, null, false, 30, false))
                .isEqualTo(new GracefulDeletion(35_000, 30));
    }

    @Test
    void should_delete_at_once_when_forced_or_when_the_pod_is_terminal() {
        assertThat(GracefulDeletion.after(null, 5_000, 10L, true, 30, false)).isEqualTo(new GracefulDeletion(5_000, 0));
        assertThat(GracefulDeletion.after(null, 5_000, 10L, false, 30, true)).isEqualTo(new GracefulDeletion(5_000, 0));
    }

    @Test
    void should_turn_a_negative_grace_into_1() {
        assertThat(GracefulDeletion.after(null, 0, -5L, false, 30, false)).isEqualTo(new GracefulDeletion(1_000, 1));
    }

    @Test
    void should_change_nothing_for_a_later_DELETE_that_does_not_shorten_the_grace() {
        GracefulDeletion first = new GracefulDeletion(40_000, 30);

        assertThat(GracefulDeletion.after(first, 15_000, 30L, false, 30, false)).isNull();
        assertThat(GracefulDeletion.after(first, 15_000, 60L, false, 30, false)).isNull();
    }

    @Test
    void should_move_the_timestamp_back_by_the_grace_a_shorter_DELETE_gives_up() {
        assertThat(GracefulDeletion.after(new GracefulDeletion(40_000, 30), 15_000, 10L, false, 30, false))
                .isEqualTo(new GracefulDeletion(20_000, 10));
    }

    @Test
    void should_never_move_the_timestamp_into_the_past_and_then_give_grace_1_or_0_for_force() {
        GracefulDeletion first = new GracefulDeletion(40_000, 30);

        assertThat(GracefulDeletion.after(first, 30_000, 5L, false, 30, false)).isEqualTo(new GracefulDeletion(30_000, 1));
        assertThat(GracefulDeletion.after(first, 30_000, 5L, true, 30, false)).isEqualTo(new GracefulDeletion(30_000, 0));
    }

    @Test
    void should_not_wrap_a_grace_near_the_int64_limit_and_still_shorten_it_exactly() {
        GracefulDeletion first = GracefulDeletion.after(null, 5_000, Long.MAX_VALUE, false, 30, false);

        assertThat(first.gracePeriodSeconds()).isEqualTo(Long.MAX_VALUE);
        assertThat(first.deletionTimestampMillis()).isEqualTo(5_000 + 1_000_000_000_000_000L);
        assertThat(GracefulDeletion.after(first, 8_000, 30L, false, 30, false)).isEqualTo(new GracefulDeletion(35_000, 30));
    }
}
