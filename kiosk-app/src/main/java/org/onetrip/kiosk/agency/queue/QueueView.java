package org.onetrip.kiosk.agency.queue;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.onetrip.kiosk.agency.StaffRole;
import org.onetrip.kiosk.agency.StaffSession;
import org.onetrip.kiosk.agency.AgencyLayout;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.sync.SyncState;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/** 上传队列: each record's state, attempts, last error or quarantine reason; retry now; the operator halt. */
@Route(value = "agency/queue", layout = AgencyLayout.class)
public class QueueView extends VerticalLayout implements BeforeEnterObserver {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final QueueService queue;
    private final ZoneId zone;
    private final Div halt = new Div();
    private final Paragraph summary = new Paragraph();
    private final Grid<Outbox.QueueRecord> grid = new Grid<>();
    private StaffSession staff;

    public QueueView(QueueService queue, ZoneId zone) {
        this.queue = queue;
        this.zone = zone;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        StaffSession.require(event, StaffRole.AGENT).ifPresent(this::render);
    }

    private void render(StaffSession signedIn) {
        this.staff = signedIn;
        addClassNames("screen", "agency", "queue");
        halt.setId("queue-halt");
        halt.addClassName("problem");
        summary.setId("queue-summary");
        Button retry = new Button(getTranslation("queue.retry-now"), e -> {
            queue.retryNow();
            refresh();
        });
        retry.setId("queue-retry-now");
        Button reload = new Button(getTranslation("queue.reload"), e -> refresh());
        reload.setId("queue-reload");
        grid.setId("queue-grid");
        grid.addColumn(r -> r.submissionId().toString().substring(0, 8)).setHeader(getTranslation("queue.col.id"));
        grid.addColumn(r -> time(r.sealedAt())).setHeader(getTranslation("queue.col.sealed")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("queue.state." + r.state())).setHeader(getTranslation("queue.col.state"))
                .setAutoWidth(true);
        grid.addColumn(Outbox.QueueRecord::attempts).setHeader(getTranslation("queue.col.attempts"));
        grid.addColumn(r -> r.lastAttemptAt().map(this::time).orElse("—"))
                .setHeader(getTranslation("queue.col.last-attempt")).setAutoWidth(true);
        grid.addColumn(r -> "PENDING".equals(r.state()) ? time(r.nextAttemptAt()) : "—")
                .setHeader(getTranslation("queue.col.next-attempt")).setAutoWidth(true);
        grid.addColumn(r -> r.lastError().orElse("—")).setHeader(getTranslation("queue.col.error")).setAutoWidth(true)
                .setFlexGrow(1);
        grid.addComponentColumn(this::requeueButton).setKey("action").setHeader(getTranslation("queue.col.action"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H1(getTranslation("queue.title")), halt, summary, retry, reload, grid);
        refresh();
    }

    private Button requeueButton(Outbox.QueueRecord r) {
        Button b = new Button(getTranslation("queue.requeue"), e -> {
            queue.requeue(r.submissionId(), staff.staffId());
            refresh();
        });
        b.setId("queue-requeue-" + r.submissionId());
        b.setVisible("QUARANTINED".equals(r.state()));
        return b;
    }

    private String time(java.time.Instant at) {
        return TIME.format(at.atZone(zone));
    }

    private void refresh() {
        SyncState state = queue.state();
        halt.setVisible(state.halted().isPresent());
        halt.setText(state.halted().map(m -> getTranslation("queue.halted", m)).orElse(""));
        summary.setText(getTranslation("queue.summary", queue.pending(), queue.quarantined(),
                state.lastSuccess().map(this::time).orElse("—"), state.lastError().orElse("—")));
        grid.setItems(queue.records());
    }
}
