/**
 * Second-generation ID-card readers: the device interface, its events, the decoded card, ID-number checks and
 * masking, and the simulator. The real SAM serial driver and its codec come with the device issue.
 */
package org.onetrip.hardware.idcard;
