package org.onetrip.provisioning.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.onetrip.provisioning.bundle.BundleException;
import org.onetrip.provisioning.bundle.ProvisioningQr;
import org.onetrip.provisioning.bundle.StaffQr;
import org.onetrip.provisioning.config.ConfigurationException;
import org.onetrip.store.uplink.CryptoException;
import org.onetrip.store.uplink.Sm2;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code qr}: on the county's side, makes a signed, expiring provisioning QR for one terminal (no secret in it), or
 * with {@code --staff-id} a signed, expiring staff badge QR for one staff member; on the terminal,
 * {@code qr --verify TEXT} checks either as the terminal does.
 */
@Command(name = "qr", mixinStandardHelpOptions = true,
        description = "Make a signed, expiring provisioning QR for a terminal or (--staff-id) a staff badge QR (no"
                + " secrets in them), or --verify one.")
public final class QrCommand implements Callable<Integer> {
    static final Duration TECHNICIAN_VALIDITY = Duration.ofMinutes(30);
    static final Duration STAFF_VALIDITY = Duration.ofDays(180);

    @Spec
    CommandSpec spec;

    @ParentCommand
    ProvisionCli parent;

    @Mixin
    DataDir dataDir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--key", description = "make a QR: PEM private key of the county administrator")
        Path key;

        @Option(names = "--verify", paramLabel = "TEXT", description = "verify a scanned QR on this terminal")
        String verify;
    }

    @Option(names = "--terminal-id", description = "the terminal the QR is for (making)")
    String terminalId;

    @Option(names = "--region", defaultValue = "", description = "the terminal's division code (making)")
    String region;

    @Option(names = "--uplink", defaultValue = "", description = "the uplink URL to show (making)")
    String uplink;

    @Option(names = "--bundle", description = "the bundle the technician will apply: its SM3 goes in the QR")
    Path bundle;

    @Option(names = "--staff-id", description = "make a staff badge QR for this staff card number instead (any"
            + " terminal of the county; the PIN is still asked for)")
    String staffId;

    @Option(names = "--valid", description = "how long it is valid, ISO-8601 (technician: default PT30M, at most"
            + " PT24H; staff: default P180D, at most P366D)")
    Duration valid;

    @Option(names = "--png", description = "also write the QR as a PNG image")
    Path png;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Instant now = parent.clock.instant();
        try {
            if (mode.verify != null && StaffQr.looksLike(mode.verify)) {
                var county = Sm2.parsePublicKey(Files.readString(dataDir.files().countyKey(),
                        StandardCharsets.US_ASCII));
                var qr = StaffQr.verify(mode.verify, county, now);
                out.println("valid staff QR for staff card " + qr.staffId() + " until " + qr.expiresAt());
                out.flush();
                return 0;
            }
            if (mode.verify != null) {
                var files = dataDir.files();
                var county = Sm2.parsePublicKey(Files.readString(files.countyKey(), StandardCharsets.US_ASCII));
                var qr = ProvisioningQr.verify(mode.verify, county, files.readConfig().terminalId(), now);
                out.println("valid " + qr.purpose() + " QR for terminal " + qr.terminalId() + " until "
                        + qr.expiresAt() + (qr.bundleSm3().isEmpty() ? "" : "; bundle SM3 " + qr.bundleSm3()));
                out.flush();
                return 0;
            }
            if (terminalId == null && staffId == null) {
                err.println("qr: --terminal-id (technician QR) or --staff-id (staff QR) is required to make a QR");
                return 2;
            }
            var key = Sm2.parsePrivateKey(Files.readString(mode.key, StandardCharsets.US_ASCII));
            byte[] nonce = new byte[8];
            ThreadLocalRandom.current().nextBytes(nonce);
            Duration validity = valid != null ? valid : staffId != null ? STAFF_VALIDITY : TECHNICIAN_VALIDITY;
            String text;
            if (staffId != null) {
                text = new StaffQr(staffId, now, now.plus(validity), HexFormat.of().formatHex(nonce)).sign(key);
            } else {
                String sm3 = bundle == null ? "" : Sm2.sm3Hex(bundle);
                text = new ProvisioningQr("technician", terminalId, region, uplink, sm3, now, now.plus(validity),
                        HexFormat.of().formatHex(nonce)).sign(key);
            }
            if (png != null) {
                var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 400, 400,
                        java.util.Map.of(EncodeHintType.MARGIN, 4));
                var image = new java.awt.image.BufferedImage(matrix.getWidth(), matrix.getHeight(),
                        java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
                for (int y = 0; y < matrix.getHeight(); y++) {
                    for (int x = 0; x < matrix.getWidth(); x++) {
                        image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                    }
                }
                javax.imageio.ImageIO.write(image, "png", png.toFile());
            }
            out.println(text);
            out.flush();
            err.println("qr: valid until " + now.plus(validity) + (staffId != null ? " for staff card " + staffId
                    + " (the PIN is still required); it holds no secret: " + StaffQr.decodePayload(text)
                    : " for terminal " + terminalId + "; it holds no secret: " + ProvisioningQr.decodePayload(text)));
            return 0;
        } catch (BundleException | ConfigurationException | CryptoException e) {
            err.println("qr: " + e.getMessage());
            return 1;
        } catch (IOException | WriterException e) {
            err.println("qr: " + e.getMessage());
            return 1;
        }
    }
}
