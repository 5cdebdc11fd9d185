/** 咨询投诉: a consultation or complaint by category, sent as its own kind of record; the 12345 hotline is shown. */
package org.onetrip.kiosk.complaint;
