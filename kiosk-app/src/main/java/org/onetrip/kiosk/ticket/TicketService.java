package org.onetrip.kiosk.ticket;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.onetrip.hardware.printer.PrinterException;
import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.ticket.QueueTickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues the next queue number of the day and prints it. The number is taken (and kept in the store) before
 * printing, so a printer that fails never hands the same number to two people; the screen shows the number
 * either way and the resident is told to remember it.
 */
public final class TicketService {
    private static final Logger log = LoggerFactory.getLogger(TicketService.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** The message key a resident sees when the ticket did not print. */
    public static final String PRINT_FAILED = "ticket.print-failed";

    private final QueueTickets tickets;
    private final ReceiptPrinter printer;
    private final TerminalConfig config;
    private final Clock clock;
    private final ResourceBundle text = ResourceBundle.getBundle("org.onetrip.kiosk.ticket.ticket",
            Locale.SIMPLIFIED_CHINESE);

    public TicketService(QueueTickets tickets, ReceiptPrinter printer, TerminalConfig config, Clock clock) {
        this.tickets = tickets;
        this.printer = printer;
        this.config = config;
        this.clock = clock;
    }

    /** A number issued, the bytes sent to the printer and, if printing failed, a message key. */
    public record Issued(QueueTickets.Ticket ticket, byte[] escPos, Optional<String> problem) {
    }

    /** How many numbers were issued today. */
    public int issuedToday() {
        return tickets.issuedToday();
    }

    public Issued issue() {
        QueueTickets.Ticket ticket = tickets.next();
        byte[] bytes = new EscPosEncoder(printer.profile()).encode(document(ticket));
        try {
            printer.print(bytes);
            return new Issued(ticket, bytes, Optional.empty());
        } catch (PrinterException e) {
            log.warn("queue ticket {} of {} not printed: {}", ticket.number(), ticket.day(), e.getMessage());
            return new Issued(ticket, bytes, Optional.of(PRINT_FAILED));
        }
    }

    ReceiptDocument document(QueueTickets.Ticket ticket) {
        return ReceiptDocument.builder()
                .title(text.getString("title"))
                .text(config.siteName())
                .divider()
                .text(text.getString("number"))
                .title(ticket.display())
                .row(text.getString("date"), ticket.day().toString())
                .row(text.getString("issued-at"), TIME.format(ticket.issuedAt().atZone(clock.getZone())))
                .divider()
                .text(text.getString("call"))
                .text(text.getString("hotline"))
                .feed(3)
                .build();
    }
}
