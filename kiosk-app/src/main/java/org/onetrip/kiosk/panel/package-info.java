/**
 * The kiosk panel's inputs on screen: a person stepping up wakes the home screen and keeps a resident's session
 * alive; the 求助 button opens a plain help dialog (what to do, staff, 12345).
 */
package org.onetrip.kiosk.panel;
