package org.onetrip.hardware.idcard.sam.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.onetrip.hardware.idcard.sam.BaseMessage;
import org.onetrip.hardware.idcard.sam.CardText;
import org.onetrip.hardware.idcard.sam.SamCommand;
import org.onetrip.hardware.idcard.sam.SamFrames;
import org.onetrip.hardware.idcard.sam.SamReaderEmulator;
import org.onetrip.hardware.idcard.sam.SamResponse;
import org.onetrip.hardware.idcard.sam.SamSession;
import org.onetrip.hardware.idcard.sam.TestCards;
import org.onetrip.hardware.serial.JSerialCommLink;
import org.onetrip.hardware.serial.SerialNatives;
import org.onetrip.hardware.serial.Socat;

/**
 * Two numbers for the ID-card reader: (1) the host-side cost of decoding and validating one card from its 1295-byte
 * answer; (2) the wall time of one full read (find, select, read 30 01, read 30 03) over a socat pseudo-terminal
 * against an emulated reader, next to the wire time those bytes take at 115200 baud. A pseudo-terminal does not
 * pace bytes at the baud rate and the emulator answers at once, so (2)'s wall time is all host-side overhead
 * (ours, the kernel's and the emulator's): the budget is 20 ms on top of the device's own time.
 *
 * <p>{@code bench/run.sh hardware-drivers org.onetrip.hardware.idcard.sam.bench.CardReadBenchmark}
 */
public final class CardReadBenchmark {
    private CardReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        decodeAndValidate();
        fullReadOverPty();
    }

    private static void decodeAndValidate() {
        byte[] frame = SamFrames.response(0x90, 0, 0x90,
                new BaseMessage(TestCards.residentText(TestCards.wang()), TestCards.photo(), new byte[0]).toData());
        long sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += decode(frame);
        }
        int rounds = 5;
        int n = 200_000;
        double[] nanos = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += decode(frame);
            }
            nanos[r] = (System.nanoTime() - t0) / (double) n;
        }
        Arrays.sort(nanos);
        System.out.printf("decode+validate one card (1295-byte answer -> IdentityCard): median %.2f us, best %.2f us"
                + " (%d rounds of %d) [%d]%n", nanos[rounds / 2] / 1000, nanos[0] / 1000, rounds, n, sink % 10);
    }

    private static int decode(byte[] frame) {
        SamResponse r = SamResponse.decode(frame).expect(SamCommand.READ_TEXT_AND_PHOTO);
        return CardText.decode(BaseMessage.parse(r.data(), false).text()).card().idNumber().length();
    }

    private static void fullReadOverPty() throws Exception {
        Path dir = Files.createTempDirectory("card-read-bench");
        SerialNatives.extractTo(dir.resolve("native"));
        try (Socat socat = Socat.start(dir); SamReaderEmulator emulator = SamReaderEmulator.start(socat.device())) {
            emulator.haltAfterRead = false;
            emulator.insertCard(TestCards.residentText(TestCards.wang()), TestCards.appendedAddresses("安徽省合肥市长丰县水湖镇新街8号"));
            SamSession session = SamSession.probe(JSerialCommLink::open, socat.host(), SamSession.Timing.defaults());
            int warmup = 200;
            int n = 500;
            for (int i = 0; i < warmup; i++) {
                readOnce(session);
            }
            double[] millis = new double[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                readOnce(session);
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
            session.close();
            Arrays.sort(millis);
            int requestBytes = 4 * 10;
            int answerBytes = 15 + 19 + 1295 + SamFrames.response(0, 0, 0x90,
                    TestCards.appendedAddresses("安徽省合肥市长丰县水湖镇新街8号")).length;
            double wire = SamFrames.wireNanos(requestBytes + answerBytes, 115200) / 1e6;
            System.out.printf("full read over a pty (find, select, 30 01, 30 03; %d bytes on the wire):"
                            + " median %.2f ms, p99 %.2f ms, max %.2f ms (%d reads)%n",
                    requestBytes + answerBytes, millis[n / 2], millis[(int) (n * 0.99)], millis[n - 1], n);
            System.out.printf("wire time of those bytes at 115200 baud: %.2f ms; host-side overhead (the pty wall time)"
                    + " p99 %.2f ms against a budget of 20 ms%n", wire, millis[(int) (n * 0.99)]);
        }
    }

    private static void readOnce(SamSession session) {
        if (!session.findCard()) {
            throw new IllegalStateException("the emulated card is not in the field");
        }
        session.readCard();
    }
}
