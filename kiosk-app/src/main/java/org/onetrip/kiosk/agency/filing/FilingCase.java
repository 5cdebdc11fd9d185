package org.onetrip.kiosk.agency.filing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onetrip.hardware.idcard.IdentityCard;
import org.onetrip.store.agency.Authorisation;
import org.onetrip.store.agency.FiledMaterial;
import org.onetrip.store.attachment.AttachmentRef;
import org.onetrip.store.catalog.ServiceItem;

import com.vaadin.flow.server.VaadinSession;

/**
 * The case an agent is filing now, kept in the Vaadin session only (sign-out drops it with the session): the
 * item, the authorising resident's card, the authorisation and the materials photographed so far.
 */
public final class FilingCase {
    private final ServiceItem item;
    private final IdentityCard resident;
    private final Authorisation authorisation;
    private boolean slipSigned;
    private final List<FiledMaterial> materials = new ArrayList<>();

    FilingCase(ServiceItem item, IdentityCard resident, Authorisation authorisation) {
        this.item = item;
        this.resident = resident;
        this.authorisation = authorisation;
        this.slipSigned = !authorisation.slipRequired();
    }

    public static Optional<FilingCase> current() {
        VaadinSession s = VaadinSession.getCurrent();
        return s == null ? Optional.empty() : Optional.ofNullable(s.getAttribute(FilingCase.class));
    }

    static void start(FilingCase c) {
        VaadinSession.getCurrent().setAttribute(FilingCase.class, c);
    }

    static void end() {
        VaadinSession.getCurrent().setAttribute(FilingCase.class, null);
    }

    public ServiceItem item() {
        return item;
    }

    public IdentityCard resident() {
        return resident;
    }

    public Authorisation authorisation() {
        return authorisation;
    }

    /** Whether the form may be filled: no slip needed, or the agent confirmed the resident signed it. */
    public boolean slipSigned() {
        return slipSigned;
    }

    void markSlipSigned() {
        slipSigned = true;
    }

    /** Adds (or replaces) the photo or scan of {@code material}. */
    void material(String material, AttachmentRef file, boolean checked) {
        materials.removeIf(m -> m.material().equals(material));
        materials.add(new FiledMaterial(material, file, checked));
    }

    /** Marks {@code material}'s copy as checked (or not) against the original. */
    void checked(String material, boolean checked) {
        materials.replaceAll(m -> m.material().equals(material) ? new FiledMaterial(m.material(), m.file(), checked)
                : m);
    }

    public List<FiledMaterial> materials() {
        return List.copyOf(materials);
    }
}
