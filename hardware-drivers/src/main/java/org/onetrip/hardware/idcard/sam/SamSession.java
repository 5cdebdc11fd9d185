package org.onetrip.hardware.idcard.sam;

import java.util.List;
import java.util.Optional;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.hardware.serial.SerialLink;
import org.onetrip.hardware.serial.SerialLinkException;

/**
 * Request and answer over one open serial link: send a command's frame, cut the answer out of whatever arrives
 * (fragments, noise before the preamble), decode it. A garbled answer or a reader complaining about our frame is
 * asked once more; everything else surfaces as a {@link SamException}. Used by one thread.
 */
public final class SamSession {
    /** Rates tried on open, fastest (the factory default) first. */
    public static final List<Integer> PROBE_BAUDS = List.of(115200, 57600, 38400, 19200, 9600);

    private final SerialLink link;
    private final Timing timing;
    private final SamFrameParser parser = new SamFrameParser();
    private final byte[] buffer = new byte[2048];

    /**
     * How long to wait for answers.
     *
     * @param answerMillis for a short command, on top of the wire time
     * @param cardMillis   extra for commands that make the reader talk to the card over RF (select, read)
     */
    public record Timing(int answerMillis, int cardMillis) {
        public static Timing defaults() {
            return new Timing(400, 1500);
        }
    }

    /** A card as read: the validated text, the raw WLT photo, and the latest appended address if any. */
    public record CardReading(CardText.Decoded decoded, byte[] wltPhoto, Optional<String> appendedAddress) {
        public IdentityCard card() {
            return decoded.card();
        }

        @Override
        public String toString() {
            return "CardReading[" + decoded.card() + ", photo " + wltPhoto.length + " B]";
        }
    }

    public SamSession(SerialLink link, Timing timing) {
        this.link = link;
        this.timing = timing;
    }

    /**
     * Opens {@code path} at the first rate of {@link #PROBE_BAUDS} where the reader answers the status command,
     * and returns the session. A SAM that answers with a fault status is reported as such (the reader is there
     * but cannot work), not as silence.
     *
     * @throws ReaderLinkException when the device cannot be opened or answers at no rate
     */
    public static SamSession probe(SerialLink.Opener opener, String path, Timing timing) {
        SerialLink link;
        try {
            link = opener.open(path, PROBE_BAUDS.getFirst());
        } catch (SerialLinkException e) {
            throw new ReaderLinkException(e.getMessage(), e);
        }
        try {
            for (int baud : PROBE_BAUDS) {
                if (baud != link.baud()) {
                    link.setBaud(baud);
                }
                SamSession session = new SamSession(link, timing);
                try {
                    session.exchange(SamCommand.STATUS).expect(SamCommand.STATUS);
                    return session;
                } catch (ReaderLinkException e) {
                    if (e.gone()) {
                        throw e;
                    }
                } catch (SamFrameException e) {
                    // noise at the wrong rate: try the next one
                }
            }
            throw new ReaderLinkException(path + ": no answer at any of " + PROBE_BAUDS + " baud", false);
        } catch (SamException | SerialLinkException e) {
            link.close();
            if (e instanceof SerialLinkException s) {
                throw new ReaderLinkException(s.getMessage(), s);
            }
            throw e;
        }
    }

    public SerialLink link() {
        return link;
    }

    /** The SAM's id for the audit trail. */
    public String samId() {
        return SamId.parse(exchange(SamCommand.SAM_ID).expect(SamCommand.SAM_ID).data());
    }

    /** Find card: true when a card answered (9F), false for none (80); anything else is an error. */
    public boolean findCard() {
        SamResponse r = exchange(SamCommand.FIND_CARD);
        if (r.status().kind() == SamStatus.Kind.NO_CARD) {
            return false;
        }
        r.expect(SamCommand.FIND_CARD);
        return true;
    }

    /** Select then read text and photo, and the appended address; validates the card. */
    public CardReading readCard() {
        exchange(SamCommand.SELECT_CARD).expect(SamCommand.SELECT_CARD);
        SamResponse read = exchange(SamCommand.READ_TEXT_AND_PHOTO).expect(SamCommand.READ_TEXT_AND_PHOTO);
        BaseMessage message = BaseMessage.parse(read.data(), false);
        CardText.Decoded decoded = CardText.decode(message.text());
        Optional<String> appended = Optional.empty();
        if (decoded.card().type() == IdentityCard.CardType.RESIDENT) {
            SamResponse address = exchange(SamCommand.READ_APPENDED_ADDRESS);
            if (address.status() == SamStatus.SUCCESS) {
                appended = CardText.latestAppendedAddress(address.data());
            } else if (address.status() != SamStatus.NO_CONTENT) {
                throw new SamStatusException(SamCommand.READ_APPENDED_ADDRESS, address.status(), address.sw3());
            }
        }
        return new CardReading(decoded, message.wltPhoto(), appended);
    }

    /**
     * Sends a command and returns the decoded answer, whatever its status. A garbled answer, or a reader saying
     * our frame arrived garbled (SW3 10/11), is retried once.
     */
    public SamResponse exchange(SamCommand command) {
        try {
            return once(command);
        } catch (SamFrameException e) {
            return once(command);
        } catch (SamStatusException e) {
            return once(command);
        }
    }

    private SamResponse once(SamCommand command) {
        parser.clear();
        try {
            link.discardInput();
            link.write(command.frame());
        } catch (SerialLinkException e) {
            throw new ReaderLinkException(e.getMessage(), e);
        }
        SamResponse response = SamResponse.decode(awaitFrame(command));
        SamStatus status = response.status();
        if (status == SamStatus.CHECKSUM_ERROR || status == SamStatus.LENGTH_ERROR) {
            throw new SamStatusException(command, status, response.sw3());
        }
        return response;
    }

    private byte[] awaitFrame(SamCommand command) {
        long budget = timing.answerMillis() + wireMillis(command);
        if (command.cmd() == 0x20 && command.para() == 0x02 || command.cmd() == 0x30) {
            budget += timing.cardMillis();
        }
        long deadline = System.nanoTime() + budget * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new ReaderLinkException(link.path() + ": no answer to " + command + " within " + budget + " ms at "
                        + link.baud() + " baud", false);
            }
            int n;
            try {
                n = link.read(buffer, (int) Math.min(left, Integer.MAX_VALUE));
            } catch (SerialLinkException e) {
                throw new ReaderLinkException(e.getMessage(), e);
            }
            if (n > 0) {
                parser.feed(buffer, 0, n);
                byte[] frame = parser.next();
                if (frame != null) {
                    return frame;
                }
            }
        }
    }

    /** Twice the wire time of the longest answer the command can have. */
    private long wireMillis(SamCommand command) {
        int bytes = command.cmd() == 0x30 ? 2400 : 64;
        return 2 * SamFrames.wireNanos(bytes, link.baud()) / 1_000_000L;
    }

    public void close() {
        link.close();
    }
}
