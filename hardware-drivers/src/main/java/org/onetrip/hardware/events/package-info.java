/** How devices deliver events: listeners and one delivery thread per device. */
package org.onetrip.hardware.events;
