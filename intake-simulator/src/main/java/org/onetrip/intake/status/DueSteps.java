package org.onetrip.intake.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.onetrip.intake.StatusSchedule;

/**
 * Writes the schedule steps of a terminal's submissions that are due at {@code now} and not yet in the change
 * log, ordered by when each fell due (then receipt order), and advances each submission's
 * {@code steps_applied}. A change's {@code at} is when its step fell due, not when it was written.
 */
final class DueSteps {
    private final StatusSchedule schedule;

    DueSteps(StatusSchedule schedule) {
        this.schedule = schedule;
    }

    private record Pending(long receiptNo, String submissionId, String projectNo, Instant receivedAt,
                           int stepsApplied) {
    }

    private record Due(Pending submission, int stepIndex, StatusSchedule.Step step, Instant at) {
    }

    void materialise(Connection connection, String terminalId, Instant now) throws SQLException {
        List<Due> due = new ArrayList<>();
        for (Pending submission : pending(connection, terminalId)) {
            List<StatusSchedule.Step> steps = schedule.stepsFor(submission.receiptNo());
            for (int i = submission.stepsApplied(); i < steps.size(); i++) {
                Instant at = submission.receivedAt().plus(steps.get(i).after());
                if (at.isAfter(now)) {
                    break;
                }
                due.add(new Due(submission, i, steps.get(i), at));
            }
        }
        due.sort(Comparator.comparing(Due::at)
                .thenComparingLong(d -> d.submission().receiptNo())
                .thenComparingInt(Due::stepIndex));
        for (Due step : due) {
            append(connection, terminalId, step);
        }
    }

    private static final String SELECT_PENDING = """
            SELECT receipt_no, submission_id, project_no, received_at, steps_applied FROM submission
            WHERE terminal_id = ?
            ORDER BY receipt_no
            """;

    private List<Pending> pending(Connection connection, String terminalId) throws SQLException {
        List<Pending> pending = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
            select.setString(1, terminalId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Pending submission = new Pending(rows.getLong("receipt_no"), rows.getString("submission_id"),
                            rows.getString("project_no"), Instant.parse(rows.getString("received_at")),
                            rows.getInt("steps_applied"));
                    if (submission.stepsApplied() < schedule.stepsFor(submission.receiptNo()).size()) {
                        pending.add(submission);
                    }
                }
            }
        }
        return pending;
    }

    private static final String INSERT_CHANGE = """
            INSERT INTO status_change (terminal_id, submission_id, project_no, status, note, at)
            VALUES (?, ?, ?, ?, ?, ?)
            """;
    private static final String ADVANCE_SUBMISSION = """
            UPDATE submission SET steps_applied = ? WHERE receipt_no = ?
            """;

    private static void append(Connection connection, String terminalId, Due due) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CHANGE);
             PreparedStatement advance = connection.prepareStatement(ADVANCE_SUBMISSION)) {
            insert.setString(1, terminalId);
            insert.setString(2, due.submission().submissionId());
            insert.setString(3, due.submission().projectNo());
            insert.setString(4, due.step().status());
            insert.setString(5, due.step().note());
            insert.setString(6, due.at().toString());
            insert.executeUpdate();
            advance.setInt(1, due.stepIndex() + 1);
            advance.setLong(2, due.submission().receiptNo());
            advance.executeUpdate();
        }
    }
}
