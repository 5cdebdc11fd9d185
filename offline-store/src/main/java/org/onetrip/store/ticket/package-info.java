/** The township hall's queue numbers (取号): a per-day counter kept in the store, so a restart never repeats one. */
package org.onetrip.store.ticket;
