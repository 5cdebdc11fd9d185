package org.onetrip.store.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.onetrip.store.catalog.RegionCode;

/**
 * Reads division files in the china-division CSV format (National Bureau of Statistics codes): a header naming
 * at least {@code code} and {@code name}, codes of 2 (provinces), 4 (cities), 6 (counties), 9 (townships,
 * {@code streets-<county>.csv}) or 12 digits (villages, {@code villages-<county>.csv}), names in double quotes.
 */
public final class DivisionFiles {
    /** The counties whose township and village files ship in this jar. */
    public static final List<String> SHIPPED_COUNTIES = List.of("340121", "230881");
    private static final String RESOURCES = "/org/onetrip/store/region/data/";

    private DivisionFiles() {
    }

    /**
     * The divisions shipped in this jar: the country to county level and the shipped counties below. Read once per
     * process (they are immutable and a start needs them in several places).
     */
    public static Divisions shipped() {
        return Shipped.DIVISIONS;
    }

    private static final class Shipped {
        static final Divisions DIVISIONS = readShipped();
    }

    private static Divisions readShipped() {
        Divisions.Builder b = Divisions.builder();
        for (String name : national()) {
            b.addAll(resource(name));
        }
        for (String county : SHIPPED_COUNTIES) {
            b.addAll(resource("streets-" + county + ".csv"));
            b.addAll(resource("villages-" + county + ".csv"));
        }
        return b.build();
    }

    /** Every {@code *.csv} in {@code dir} (the national files and any county's streets/villages files). */
    public static Divisions read(Path dir) {
        Divisions.Builder b = Divisions.builder();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.csv")) {
            for (Path f : files) {
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    b.addAll(parse(r, f.toString()));
                }
            }
        } catch (IOException e) {
            throw new RegionException("division files in " + dir + ": " + e.getMessage(), e);
        }
        return b.build();
    }

    private static List<String> national() {
        return List.of("provinces.csv", "cities.csv", "areas.csv");
    }

    private static List<Division> resource(String name) {
        try (InputStream in = DivisionFiles.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new RegionException("division file " + name + " is not in the jar");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new RegionException("division file " + name + ": " + e.getMessage(), e);
        }
    }

    /** Parses one file; a bad line fails with the file and line number. */
    public static List<Division> parse(Reader reader, String where) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        String header = in.readLine();
        if (header == null) {
            return List.of();
        }
        List<String> columns = fields(header.replace("\uFEFF", ""));
        int code = columns.indexOf("code");
        int name = columns.indexOf("name");
        if (code < 0 || name < 0) {
            throw new RegionException(where + ": the header must name the columns code and name, got: " + header);
        }
        List<Division> out = new ArrayList<>();
        int lineNo = 1;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line);
            try {
                out.add(new Division(RegionCode.padded(f.get(code)), f.get(name)));
            } catch (RuntimeException e) {
                throw new RegionException(where + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
