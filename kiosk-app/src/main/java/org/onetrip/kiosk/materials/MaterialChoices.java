package org.onetrip.kiosk.materials;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onetrip.kiosk.apply.ProvidedMaterials;
import org.onetrip.store.attachment.AttachmentRef;

import com.vaadin.flow.server.VaadinSession;

/**
 * The resident's choices on the materials step for the item they are applying for, kept in the Vaadin session
 * (so the privacy wipe, which invalidates the session, removes them with everything else). Choosing another item
 * starts afresh.
 */
public final class MaterialChoices {
    /** What the resident chose for one material. */
    public enum Choice {
        PHOTO, DECLARED, BRING
    }

    private String taskCode;
    private final Map<String, Choice> choices = new HashMap<>();
    private final Map<String, AttachmentRef> photos = new HashMap<>();

    /** The current session's choices, created on first use. */
    public static MaterialChoices current() {
        VaadinSession session = VaadinSession.getCurrent();
        MaterialChoices choices = session.getAttribute(MaterialChoices.class);
        if (choices == null) {
            choices = new MaterialChoices();
            session.setAttribute(MaterialChoices.class, choices);
        }
        return choices;
    }

    /** Starts afresh unless these are already the choices for {@code item}. */
    public MaterialChoices forItem(String item) {
        if (!item.equals(taskCode)) {
            taskCode = item;
            choices.clear();
            photos.clear();
        }
        return this;
    }

    public void photographed(String material, AttachmentRef photo) {
        choices.put(material, Choice.PHOTO);
        photos.put(material, photo);
    }

    public void choose(String material, Choice choice) {
        if (choice == Choice.PHOTO) {
            throw new IllegalArgumentException("a photo comes with its attachment: use photographed()");
        }
        choices.put(material, choice);
        photos.remove(material);
    }

    public Optional<Choice> choice(String material) {
        return Optional.ofNullable(choices.get(material));
    }

    /** What was provided for {@code item}; nothing when the choices are for another item. */
    public ProvidedMaterials provided(String item) {
        if (!item.equals(taskCode)) {
            return ProvidedMaterials.NONE;
        }
        Set<String> declared = new HashSet<>();
        Set<String> bringing = new HashSet<>();
        choices.forEach((material, choice) -> {
            if (choice == Choice.DECLARED) {
                declared.add(material);
            } else if (choice == Choice.BRING) {
                bringing.add(material);
            }
        });
        return new ProvidedMaterials(photos, declared, bringing);
    }
}
