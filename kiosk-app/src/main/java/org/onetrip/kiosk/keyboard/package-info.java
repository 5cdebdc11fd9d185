/**
 * On-screen keyboards for kiosks without a physical keyboard, shown only when their field is tapped: pinyin letters
 * for the item search and a numeric keypad for numbers (house number, phone). No free Chinese text is needed.
 */
package org.onetrip.kiosk.keyboard;
