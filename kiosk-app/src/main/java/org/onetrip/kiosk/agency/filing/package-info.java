/**
 * Filing on a resident's behalf: the agent picks the item, the resident taps their card (the authorisation, 委托,
 * recorded; a slip printed for signature where the item requires it), the agent fills the form by keyboard,
 * photographs or scans the materials and marks each checked against the original (trust C→B), and the case is
 * sealed through the same store path as a resident's own application, naming the agent.
 */
package org.onetrip.kiosk.agency.filing;
