/** 查进度: a resident's submissions and their statuses. */
package org.onetrip.kiosk.status;
