/**
 * Content-addressed attachments ({@code PUT /api/v1/attachments/{sha256}}), stored per terminal as received; a
 * submission may only list attachments its own terminal uploaded.
 */
package org.onetrip.intake.attachment;
