package org.onetrip.intake.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onetrip.intake.StatusSchedule;
import org.onetrip.intake.db.IntakeDatabase;
import org.onetrip.intake.http.Endpoint;
import org.onetrip.intake.http.Reply;
import org.onetrip.intake.http.SignedRequest;

/**
 * Answers {@code {"changes":[...],"cursor":"<seq>"}} with this terminal's changes after the cursor, in
 * order, at most 500 per page (ask again from the returned cursor for more); an absent or empty cursor means
 * from the beginning. Due steps are materialised first, in the order
 * they fell due, so a late poll still sees every step once.
 */
public final class StatusBoard implements Endpoint {
    private static final Pattern CURSOR = Pattern.compile("\\d{1,18}");

    private final IntakeDatabase database;
    private final Clock clock;
    private final StatusSchedule schedule;

    public StatusBoard(IntakeDatabase database, Clock clock, StatusSchedule schedule) {
        this.database = database;
        this.clock = clock;
        this.schedule = schedule;
    }

    /** One status change as the terminal sees it. */
    record Change(String submissionId, String projectNo, String status, String note, String at) {
    }

    record Page(List<Change> changes, String cursor) {
    }

    @Override
    public Reply handle(SignedRequest request) {
        Optional<String> since = request.queryParameter("since").filter(value -> !value.isEmpty());
        if (since.isPresent() && !CURSOR.matcher(since.get()).matches()) {
            return Reply.reason(400, "since must be empty or a cursor this server returned");
        }
        long cursor = since.map(Long::parseLong).orElse(0L);
        return database.inTransaction(connection -> {
            new DueSteps(schedule).materialise(connection, request.terminalId(), clock.instant());
            return Reply.json(200, changesAfter(connection, request.terminalId(), cursor));
        });
    }

    private static final String SELECT_CHANGES = """
            SELECT seq, submission_id, project_no, status, note, at FROM status_change
            WHERE terminal_id = ? AND seq > ?
            ORDER BY seq
            LIMIT 500
            """;

    private static Page changesAfter(Connection connection, String terminalId, long cursor) throws SQLException {
        List<Change> changes = new ArrayList<>();
        long last = cursor;
        try (PreparedStatement select = connection.prepareStatement(SELECT_CHANGES)) {
            select.setString(1, terminalId);
            select.setLong(2, cursor);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    last = rows.getLong("seq");
                    changes.add(new Change(rows.getString("submission_id"), rows.getString("project_no"),
                            rows.getString("status"), rows.getString("note"), rows.getString("at")));
                }
            }
        }
        return new Page(changes, Long.toString(last));
    }
}
