/**
 * The SAM serial protocol of second-generation ID-card readers (domain-spec §1): a pure codec
 * ({@link org.onetrip.hardware.idcard.sam.SamFrames}, {@link org.onetrip.hardware.idcard.sam.SamFrameParser},
 * {@link org.onetrip.hardware.idcard.sam.SamResponse}, {@link org.onetrip.hardware.idcard.sam.CardText}: bytes ↔
 * records, every failure a typed {@link org.onetrip.hardware.idcard.sam.SamException}), one request/answer session
 * over a serial link, and the real driver {@link org.onetrip.hardware.idcard.sam.SerialIdCardReader}. The WLT photo
 * is kept raw: no public decoder exists.
 */
package org.onetrip.hardware.idcard.sam;
