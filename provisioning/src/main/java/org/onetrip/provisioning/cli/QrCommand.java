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
 * {@code qr}: on the county's side, makes a signed, expiring provisioning QR for one terminal (no secret in it);
 * on the terminal, {@code qr --verify TEXT} checks one as technician mode does.
 */
@Command(name = "qr", mixinStandardHelpOptions = true,
        description = "Make a signed, expiring provisioning QR for a terminal (no secrets in it), or --verify one.")
public final class QrCommand implements Callable<Integer> {
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

    @Option(names = "--valid", defaultValue = "PT30M", description = "how long it is valid, ISO-8601 (default"
            + " ${DEFAULT-VALUE}, at most PT24H)")
    Duration valid;

    @Option(names = "--png", description = "also write the QR as a PNG image")
    Path png;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Instant now = parent.clock.instant();
        try {
            if (mode.verify != null) {
                var files = dataDir.files();
                var county = Sm2.parsePublicKey(Files.readString(files.countyKey(), StandardCharsets.US_ASCII));
                var qr = ProvisioningQr.verify(mode.verify, county, files.readConfig().terminalId(), now);
                out.println("valid " + qr.purpose() + " QR for terminal " + qr.terminalId() + " until "
                        + qr.expiresAt() + (qr.bundleSm3().isEmpty() ? "" : "; bundle SM3 " + qr.bundleSm3()));
                out.flush();
                return 0;
            }
            if (terminalId == null) {
                err.println("qr: --terminal-id is required to make a QR");
                return 2;
            }
            var key = Sm2.parsePrivateKey(Files.readString(mode.key, StandardCharsets.US_ASCII));
            String sm3 = bundle == null ? "" : Sm2.sm3Hex(bundle);
            byte[] nonce = new byte[8];
            ThreadLocalRandom.current().nextBytes(nonce);
            String text = new ProvisioningQr("technician", terminalId, region, uplink, sm3, now, now.plus(valid),
                    HexFormat.of().formatHex(nonce)).sign(key);
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
            err.println("qr: valid until " + now.plus(valid) + " for terminal " + terminalId
                    + "; it holds no secret: " + ProvisioningQr.decodePayload(text));
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
