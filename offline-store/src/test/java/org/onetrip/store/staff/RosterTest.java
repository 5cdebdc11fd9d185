package org.onetrip.store.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.onetrip.store.uplink.Sm2;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RosterTest {
    private static final String CSV = """
            name,card,role,pin
            王芳,34012119850415046x,agent,246810
            # the point's head
            张伟,340121197809020135,supervisor,135790

            赵工,340121199001010012,technician,24682468
            """;

    @Test
    void a_csv_with_pins_becomes_a_roster_of_hashes_that_check_the_same_pins() {
        String json = Roster.toJson(Roster.readCsv(new StringReader(CSV)), PinHash.MIN_ITERATIONS, new Random(5));
        assertFalse(json.contains("246810") || json.contains("135790") || json.contains("24682468"), json);

        Roster roster = Roster.parse(json);
        assertEquals(2, roster.members().size(), "technicians are technician mode's");
        StaffMember wang = roster.find("34012119850415046X").orElseThrow();
        assertEquals("王芳", wang.name());
        assertEquals(StaffMember.Role.AGENT, wang.role());
        assertTrue(wang.pin().matches("246810"));
        assertEquals(StaffMember.Role.SUPERVISOR, roster.find("340121197809020135").orElseThrow().role());
        assertTrue(roster.find("34012119850415046x").isPresent(), "a lower-case x on the card is the same card");
    }

    @Test
    void a_technician_line_is_written_in_the_salted_sm3_form_technician_mode_reads() {
        String json = Roster.toJson(Roster.readCsv(new StringReader(CSV)), PinHash.MIN_ITERATIONS, new Random(6));
        JsonNode tech = JsonMapper.builder().build().readTree(json).get(2);
        assertEquals("technician", tech.path("role").asString());
        assertEquals(Sm2.sm3Hex((tech.path("pinSalt").asString() + "24682468").getBytes(StandardCharsets.UTF_8)),
                tech.path("pinSm3").asString());
    }

    @Test
    void wrong_csv_lines_are_refused_with_their_line_number_and_without_the_pin() {
        RosterException role = assertThrows(RosterException.class,
                () -> Roster.readCsv(new StringReader("王芳,34012119850415046X,boss,246810\n")));
        assertTrue(role.getMessage().contains("line 1") && role.getMessage().contains("role"), role.getMessage());
        RosterException pin = assertThrows(RosterException.class,
                () -> Roster.readCsv(new StringReader("王芳,34012119850415046X,agent,2468\n")));
        assertTrue(pin.getMessage().contains("6 to 12 digits"), pin.getMessage());
        assertFalse(pin.getMessage().contains("2468"), "the message never repeats the PIN");
        assertThrows(RosterException.class, () -> Roster.readCsv(new StringReader("王芳,agent,246810\n")));
        List<Roster.CsvLine> twice = Roster.readCsv(new StringReader(
                "王芳,34012119850415046X,agent,246810\n王芳,34012119850415046X,supervisor,135790\n"));
        assertTrue(assertThrows(RosterException.class, () -> Roster.toJson(twice, PinHash.MIN_ITERATIONS,
                new Random(7))).getMessage().contains("listed twice"));
    }

    @Test
    void a_roster_entry_without_name_or_with_a_weak_hash_fails_the_whole_roster_naming_the_entry() {
        RosterException noName = assertThrows(RosterException.class, () -> Roster.parse("""
                [{"id": "34012119850415046X", "role": "agent", "pin": "x"}]"""));
        assertTrue(noName.getMessage().contains("entry 1"), noName.getMessage());
        RosterException weak = assertThrows(RosterException.class, () -> Roster.parse("""
                [{"id": "34012119850415046X", "name": "王芳", "role": "agent",
                  "pin": "pbkdf2-sha256$10$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}]"""));
        assertTrue(weak.getMessage().contains("entry 1") && weak.getMessage().contains("3401*"), weak.getMessage());
        assertThrows(RosterException.class, () -> Roster.parse("{}"));
    }

    @Test
    void the_shipped_demo_roster_holds_the_agent_and_the_supervisor_the_readme_names() {
        Roster demo = Roster.demo();
        assertTrue(demo.find("34012119850415046X").orElseThrow().pin().matches("246810"));
        assertTrue(demo.find("340121197809020135").orElseThrow().pin().matches("135790"));
    }

    @Test
    void a_member_never_shows_the_full_card_number_in_to_string() {
        StaffMember m = Roster.demo().members().getFirst();
        assertFalse(m.toString().contains(m.id()), m.toString());
        assertEquals("3401************6X", m.maskedId());
    }
}
