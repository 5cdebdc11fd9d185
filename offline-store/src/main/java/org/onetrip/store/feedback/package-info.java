/**
 * The resident's word on a case: 好差评 ratings (1–5) tied to a submission, and complaints (咨询投诉). Each is
 * stored with the exact body every upload sends and queued for the sync engine, like a sealed submission.
 * The screens that collect them belong to the resident UI, not here.
 */
package org.onetrip.store.feedback;
