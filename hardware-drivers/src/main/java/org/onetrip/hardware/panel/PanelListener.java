package org.onetrip.hardware.panel;

/** Receives panel events on the panel's thread; hand work to your own thread and return quickly. */
@FunctionalInterface
public interface PanelListener {
    void onEvent(PanelEvent event);
}
