/**
 * The catalog endpoint ({@code GET /api/v1/catalog?since=<version>}): the newest published bundle when it is
 * newer than {@code since}, else 204. The bundle's bytes are served exactly as published (their format and
 * signature belong to the catalog feature); its version travels in {@code X-Catalog-Version}.
 */
package org.onetrip.intake.catalog;
