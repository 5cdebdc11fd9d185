/** 好差评: the resident rates a submission of theirs (非常满意 … 非常不满意); the rating is queued for the uplink. */
package org.onetrip.kiosk.evaluation;
