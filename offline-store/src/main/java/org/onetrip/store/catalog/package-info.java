/**
 * Service items across the five levels: the item model (national exchange fields, materials with their waiver
 * routes and trust levels, deliveries, themes, high-frequency flag); signed, versioned catalog bundles
 * ({@link org.onetrip.store.catalog.CatalogBundle}) verified before anything of them is believed, stored by
 * {@link org.onetrip.store.catalog.CatalogStore}; the rule that decides which items a terminal offers; and search
 * a villager can use ({@link org.onetrip.store.catalog.CatalogSearch}).
 */
package org.onetrip.store.catalog;
