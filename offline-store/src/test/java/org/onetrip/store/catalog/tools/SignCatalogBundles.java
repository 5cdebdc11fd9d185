package org.onetrip.store.catalog.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;

import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.uplink.Sm2;

/**
 * The demo issuing authority's signing tool (test scope: it never ships). Signs catalog documents, writing
 * {@code <file>.sig} beside each; or makes a new authority key pair.
 *
 * <pre>
 *   SignCatalogBundles PRIVATE_KEY.pem catalog-340121.json catalog-230881.json
 *   SignCatalogBundles --new-key PRIVATE_KEY.pem PUBLIC_KEY.pem
 * </pre>
 *
 * {@code tools/demo-authority/sign-bundles.sh} runs it over the shipped demo bundles.
 */
public final class SignCatalogBundles {
    private SignCatalogBundles() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--new-key")) {
            KeyPair pair = Sm2.generateKeyPair();
            Files.writeString(Path.of(args[1]), Sm2.privateKeyPem(pair.getPrivate()), StandardCharsets.US_ASCII);
            Files.writeString(Path.of(args[2]), Sm2.publicKeyPem(pair.getPublic()), StandardCharsets.US_ASCII);
            System.out.println("new authority key pair: " + args[1] + ", " + args[2]);
            return;
        }
        if (args.length < 2) {
            System.err.println("usage: SignCatalogBundles PRIVATE_KEY.pem CATALOG.json... | --new-key PRIVATE PUBLIC");
            System.exit(2);
        }
        PrivateKey key = Sm2.parsePrivateKey(Files.readString(Path.of(args[0]), StandardCharsets.US_ASCII));
        for (int i = 1; i < args.length; i++) {
            Path doc = Path.of(args[i]);
            CatalogBundle bundle = CatalogBundle.sign(Files.readAllBytes(doc), key);
            Files.writeString(doc.resolveSibling(doc.getFileName() + ".sig"),
                    Base64.getEncoder().encodeToString(bundle.signature()) + "\n", StandardCharsets.US_ASCII);
            System.out.println("signed " + doc + " (sm3 " + bundle.sm3Hex() + ")");
        }
    }
}
