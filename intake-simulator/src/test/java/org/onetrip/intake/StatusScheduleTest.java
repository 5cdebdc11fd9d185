package org.onetrip.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatusScheduleTest {
    @Test
    void the_demo_schedule_accepts_then_works_then_finishes() {
        StatusSchedule demo = StatusSchedule.demo();

        assertEquals(List.of("ACCEPTED", "IN_PROGRESS", "DONE"),
                demo.stepsFor(1).stream().map(StatusSchedule.Step::status).toList());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(60)),
                demo.stepsFor(1).stream().map(StatusSchedule.Step::after).toList());
        assertEquals(5, demo.correctionEvery());
    }

    @Test
    void every_nth_submission_ends_in_needs_correction_at_the_time_of_the_final_step() {
        StatusSchedule demo = StatusSchedule.demo();

        StatusSchedule.Step last = demo.stepsFor(10).get(2);

        assertEquals(new StatusSchedule.Step(Duration.ofSeconds(60), "NEEDS_CORRECTION",
                "请补充提交户口簿首页复印件"), last);
        assertEquals("DONE", demo.stepsFor(11).get(2).status());
    }

    @Test
    void zero_means_no_submission_needs_correction() {
        StatusSchedule never = new StatusSchedule(StatusSchedule.demo().steps(), 0);

        assertEquals("DONE", never.stepsFor(5).get(2).status());
    }

    @Test
    void steps_out_of_order_or_a_negative_period_are_refused_naming_the_problem() {
        List<StatusSchedule.Step> backwards = List.of(new StatusSchedule.Step(Duration.ofSeconds(10), "B", null),
                new StatusSchedule.Step(Duration.ofSeconds(5), "A", null));

        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> new StatusSchedule(backwards, 0));
        IllegalArgumentException period = assertThrows(IllegalArgumentException.class,
                () -> new StatusSchedule(List.of(), -1));

        assertTrue(order.getMessage().contains("order the steps"), order.getMessage());
        assertTrue(period.getMessage().contains("correctionEvery"), period.getMessage());
    }

    @Test
    void the_demo_config_listens_on_loopback_on_an_ephemeral_port_with_ten_minutes_of_skew() {
        IntakeSimulatorConfig demo = IntakeSimulatorConfig.demo(Path.of("intake.db"));

        assertEquals("127.0.0.1", demo.host());
        assertEquals(0, demo.port());
        assertEquals(Duration.ofMinutes(10), demo.maxClockSkew());
        assertEquals(StatusSchedule.demo(), demo.schedule());
    }

    @Test
    void a_config_with_a_bad_port_or_skew_is_refused_naming_the_setting() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class, () ->
                new IntakeSimulatorConfig("127.0.0.1", 70_000, Path.of("x.db"), StatusSchedule.demo(),
                        Duration.ofMinutes(10)));
        IllegalArgumentException skew = assertThrows(IllegalArgumentException.class, () ->
                new IntakeSimulatorConfig("127.0.0.1", 0, Path.of("x.db"), StatusSchedule.demo(), Duration.ZERO));

        assertTrue(port.getMessage().contains("port"));
        assertTrue(skew.getMessage().contains("maxClockSkew"));
    }
}
