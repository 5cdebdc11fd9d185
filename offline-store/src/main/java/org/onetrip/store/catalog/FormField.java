package org.onetrip.store.catalog;

/**
 * One field of an item's one-table form (一表申请).
 *
 * @param prefill where its value comes from when known: {@code card.name}, {@code card.idNumber},
 *                {@code card.address}, or empty for the resident to enter
 * @param input   {@code text}, {@code digits} (numeric keypad) or {@code choice}
 */
public record FormField(String key, String label, String prefill, String input, boolean required,
                        java.util.List<String> choices) {
    public FormField {
        prefill = prefill == null ? "" : prefill;
        input = input == null ? "text" : input;
        choices = choices == null ? java.util.List.of() : java.util.List.copyOf(choices);
    }
}
