package org.onetrip.provisioning.selftest;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

import org.onetrip.hardware.idcard.sam.SamCommand;
import org.onetrip.hardware.idcard.sam.SamFrameParser;
import org.onetrip.hardware.idcard.sam.SamResponse;
import org.onetrip.hardware.printer.PrinterStatus;
import org.onetrip.hardware.printer.escpos.PaperSensor;
import org.onetrip.hardware.serial.SerialLink;

/**
 * Asks one serial port what is on it: an ID-card reader answers the SAM status command (domain-spec §4), an
 * ESC/POS printer answers {@code DLE EOT 4} with a paper status byte (§5); a scanner says nothing until it reads
 * a code, so a port that answers neither and sends a line when a code is shown is a scanner.
 */
public final class SerialProbe {
    public enum Kind { ID_CARD_READER, RECEIPT_PRINTER, QR_SCANNER, NOTHING_ANSWERED }

    public record Result(String path, int baud, Kind kind, String detail) {
    }

    private final int timeoutMillis;

    public SerialProbe(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Probes an open link: first the SAM status command, then DLE EOT 4. */
    public Result probe(SerialLink link) {
        link.discardInput();
        link.write(SamCommand.STATUS.frame());
        Optional<SamResponse> sam = samReply(link);
        if (sam.isPresent()) {
            return new Result(link.path(), link.baud(), Kind.ID_CARD_READER, "SAM status " + sam.get().status());
        }
        link.discardInput();
        link.write(PaperSensor.request());
        byte[] one = new byte[1];
        if (link.read(one, timeoutMillis) == 1) {
            Optional<PrinterStatus> status = PaperSensor.status(one[0] & 0xFF);
            if (status.isPresent()) {
                return new Result(link.path(), link.baud(), Kind.RECEIPT_PRINTER, "paper " + status.get());
            }
        }
        return new Result(link.path(), link.baud(), Kind.NOTHING_ANSWERED,
                "no reader or printer answered at " + link.baud() + " baud");
    }

    /** Waits up to {@code millis} for a line a scanner sends when a code is shown to it. */
    public Optional<String> scannedLine(SerialLink link, int millis) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[256];
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            int n = link.read(buf, 100);
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\r' || buf[i] == '\n') {
                    if (line.size() > 0) {
                        return Optional.of(line.toString(java.nio.charset.StandardCharsets.UTF_8));
                    }
                } else {
                    line.write(buf[i]);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<SamResponse> samReply(SerialLink link) {
        SamFrameParser parser = new SamFrameParser();
        byte[] buf = new byte[64];
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            int n = link.read(buf, 50);
            if (n > 0) {
                parser.feed(buf, 0, n);
                try {
                    byte[] frame = parser.next();
                    if (frame != null) {
                        return Optional.of(SamResponse.decode(frame));
                    }
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
