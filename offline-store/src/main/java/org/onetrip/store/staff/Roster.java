package org.onetrip.store.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.onetrip.store.uplink.Sm2;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agency roster, as provisioned in {@code config/staff.json}: a JSON array shared with the technician
 * entries. An agency member is
 * <pre>
 *   {"id": "34012119850415046X", "name": "王芳", "role": "agent", "pin": "pbkdf2-sha256$120000$SALT$HASH"}
 * </pre>
 * with {@code role} {@code agent} or {@code supervisor} and {@code pin} a {@link PinHash}. Entries of other roles
 * ({@code technician}: {@code pinSalt}/{@code pinSm3}) belong to technician mode and are skipped here. A wrong
 * entry fails the whole roster with its position and what is wrong, so a county mistake shows at start.
 *
 * <p>{@link #fromCsv} is the county's side: {@code name,card,role,pin} lines (a header line is allowed) become
 * entries with PIN hashes; PINs are never written anywhere.
 */
public final class Roster {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEMO = "demo-staff.json";

    private final Map<String, StaffMember> byId = new LinkedHashMap<>();

    public Roster(List<StaffMember> members) {
        for (StaffMember m : members) {
            if (byId.putIfAbsent(m.id(), m) != null) {
                throw new RosterException("staff roster: staff card " + m.maskedId() + " is listed twice");
            }
        }
    }

    public static Roster empty() {
        return new Roster(List.of());
    }

    public List<StaffMember> members() {
        return List.copyOf(byId.values());
    }

    public Optional<StaffMember> find(String staffId) {
        return staffId == null ? Optional.empty() : Optional.ofNullable(byId.get(staffId.strip().toUpperCase(Locale.ROOT)));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Reads {@code staff.json}; a missing file is an empty roster. */
    public static Roster read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RosterException("staff roster " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** The demo point's roster (agent 王芳 PIN 246810, supervisor 张伟 PIN 135790), shipped in the jar. */
    public static Roster demo() {
        try (InputStream in = Roster.class.getResourceAsStream(DEMO)) {
            if (in == null) {
                throw new IllegalStateException(DEMO + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Roster parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new RosterException("staff roster is not JSON: ask the county for a new provisioning bundle");
        }
        if (!root.isArray()) {
            throw new RosterException("staff roster must be a JSON array of staff entries");
        }
        List<StaffMember> members = new ArrayList<>();
        int position = 0;
        for (JsonNode n : root) {
            position++;
            String role = n.path("role").asString("");
            if (!role.equals("agent") && !role.equals("supervisor")) {
                continue;
            }
            String id = n.path("id").asString("").strip().toUpperCase(Locale.ROOT);
            String name = n.path("name").asString("").strip();
            if (id.isEmpty() || name.isEmpty()) {
                throw new RosterException("staff roster entry " + position + ": id (staff card number) and name are"
                        + " required");
            }
            try {
                members.add(new StaffMember(id, name, StaffMember.Role.valueOf(role.toUpperCase(Locale.ROOT)),
                        PinHash.parse(n.path("pin").asString(""))));
            } catch (IllegalArgumentException e) {
                throw new RosterException("staff roster entry " + position + " (" + StaffMember.mask(id) + "): "
                        + e.getMessage());
            }
        }
        return new Roster(members);
    }

    /** One line of the county's roster CSV, before hashing. {@code toString()} hides the PIN. */
    public record CsvLine(int line, String name, String id, String role, String pin) {
        @Override
        public String toString() {
            return "CsvLine[" + line + ", " + StaffMember.mask(id) + ", " + role + "]";
        }
    }

    /** Reads {@code name,card,role,pin} lines; blank lines, {@code #} comments and a header line are skipped. */
    public static List<CsvLine> readCsv(Reader in) {
        List<CsvLine> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(in)) {
            int number = 0;
            for (String text; (text = r.readLine()) != null; ) {
                number++;
                String t = text.strip();
                if (number == 1 && t.startsWith("\uFEFF")) {
                    t = t.substring(1);
                }
                if (t.isEmpty() || t.startsWith("#") || (number == 1 && t.toLowerCase(Locale.ROOT).startsWith("name,"))) {
                    continue;
                }
                String[] cells = t.split(",", -1);
                if (cells.length != 4) {
                    throw new RosterException("roster CSV line " + number + ": expected name,card,role,pin (4 cells),"
                            + " found " + cells.length);
                }
                String role = cells[2].strip().toLowerCase(Locale.ROOT);
                String pin = cells[3].strip();
                if (!List.of("agent", "supervisor", "technician").contains(role)) {
                    throw new RosterException("roster CSV line " + number + ": role must be agent, supervisor or"
                            + " technician (got '" + cells[2].strip() + "')");
                }
                if (!pin.matches("\\d{6,12}")) {
                    throw new RosterException("roster CSV line " + number + ": the PIN must be 6 to 12 digits");
                }
                if (cells[0].isBlank() || cells[1].isBlank()) {
                    throw new RosterException("roster CSV line " + number + ": name and card number are required");
                }
                lines.add(new CsvLine(number, cells[0].strip(), cells[1].strip().toUpperCase(Locale.ROOT), role, pin));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /**
     * The roster JSON for {@code lines}: agents and supervisors with PBKDF2 hashes, technicians in technician
     * mode's format (salted SM3). Fails on a card number listed twice.
     */
    public static String toJson(List<CsvLine> lines, int iterations, RandomGenerator random) {
        ArrayNode out = JSON.createArrayNode();
        List<StaffMember> agency = new ArrayList<>();
        for (CsvLine l : lines) {
            ObjectNode n = out.addObject();
            n.put("id", l.id());
            n.put("name", l.name());
            n.put("role", l.role());
            if (l.role().equals("technician")) {
                byte[] salt = new byte[16];
                random.nextBytes(salt);
                String saltHex = HexFormat.of().formatHex(salt);
                n.put("pinSalt", saltHex);
                n.put("pinSm3", Sm2.sm3Hex((saltHex + l.pin()).getBytes(StandardCharsets.UTF_8)));
            } else {
                PinHash pin = PinHash.of(l.pin(), iterations, random);
                n.put("pin", pin.encoded());
                agency.add(new StaffMember(l.id(), l.name(), StaffMember.Role.valueOf(l.role().toUpperCase(Locale.ROOT)),
                        pin));
            }
        }
        new Roster(agency);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }
}
