/**
 * Second-generation ID-card readers: the device interface, its events, the decoded card, ID-number checks and
 * masking, and the simulator. The real SAM serial driver and its codec are in {@code idcard.sam}.
 */
package org.onetrip.hardware.idcard;
