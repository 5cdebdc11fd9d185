/**
 * The USB courier (issue 8): when the network is down for days, an agent exports the terminal's pending
 * submissions and their attachments as one encrypted, signed bundle file on removable media; another terminal
 * that can reach the platform verifies and imports it and uploads each submission under its ORIGINAL id, so the
 * platform stores it once even if the sealing terminal uploads it too when its link returns.
 */
package org.onetrip.store.courier;
