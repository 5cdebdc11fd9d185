package org.onetrip.store.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;

import org.onetrip.store.crypto.DataCipher;
import org.onetrip.store.crypto.DataKey;
import org.onetrip.store.crypto.SealedFiles;

/**
 * What encryption at rest adds to a seal and to staging a photo, in thread CPU time: sealing and opening a
 * submission body of {@code bodyBytes} (default 1,200, about a real one), and sealing a file of 4 MiB.
 * {@code bench/run.sh offline-store org.onetrip.store.bench.DataCipherBenchmark [records] [bodyBytes]}.
 */
public final class DataCipherBenchmark {
    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int bodyBytes = args.length > 1 ? Integer.parseInt(args[1]) : 1_200;
        SecureRandom random = new SecureRandom();
        DataCipher cipher = new DataCipher(DataKey.generate(random), random);
        byte[] body = new byte[bodyBytes];
        random.nextBytes(body);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

        for (int i = 0; i < records / 4; i++) { // warm-up
            cipher.open("submission:" + (i & 7), cipher.seal("submission:" + (i & 7), body));
        }
        long start = cpu.getCurrentThreadCpuTime();
        byte[] sealed = null;
        for (int i = 0; i < records; i++) {
            sealed = cipher.seal("submission:x", body);
        }
        long sealNanos = cpu.getCurrentThreadCpuTime() - start;
        start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < records; i++) {
            cipher.open("submission:x", sealed);
        }
        long openNanos = cpu.getCurrentThreadCpuTime() - start;

        byte[] photo = new byte[4 << 20];
        random.nextBytes(photo);
        int files = 20;
        start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < files; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length + 2048);
            SealedFiles.Writer w = cipher.fileWriter(out);
            w.write(photo, 0, photo.length);
            w.finish("a".repeat(64));
        }
        long fileNanos = cpu.getCurrentThreadCpuTime() - start;

        System.out.printf("seal a %d-byte body: %.1f µs; open it: %.1f µs (thread CPU, %d each after warm-up)%n",
                bodyBytes, sealNanos / 1e3 / records, openNanos / 1e3 / records, records);
        System.out.printf("seal a 4 MiB file: %.1f ms = %.0f MB/s%n", fileNanos / 1e6 / files,
                files * (double) photo.length / (fileNanos / 1e9) / 1e6);
    }
}
