package org.onetrip.provisioning.selftest;

/**
 * One self-test result: what was checked, how it went, what was seen and, when it did not pass, what to do.
 *
 * @param fix empty when there is nothing to do
 */
public record Check(String name, Outcome outcome, String detail, String fix) {
    public enum Outcome { PASS, WARN, FAIL, SKIP }

    public static Check pass(String name, String detail) {
        return new Check(name, Outcome.PASS, detail, "");
    }

    public static Check warn(String name, String detail, String fix) {
        return new Check(name, Outcome.WARN, detail, fix);
    }

    public static Check fail(String name, String detail, String fix) {
        return new Check(name, Outcome.FAIL, detail, fix);
    }

    public static Check skip(String name, String detail) {
        return new Check(name, Outcome.SKIP, detail, "");
    }
}
