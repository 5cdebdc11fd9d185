/** 好差评 ratings ({@code POST /api/v1/evaluations}), idempotent on their key like submissions. */
package org.onetrip.intake.evaluation;
