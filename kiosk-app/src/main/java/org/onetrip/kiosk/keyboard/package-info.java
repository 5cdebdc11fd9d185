/** An on-screen keyboard of pinyin letters for kiosks without a physical keyboard (no free Chinese text is needed). */
package org.onetrip.kiosk.keyboard;
