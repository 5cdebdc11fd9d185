/** Service items, the five levels, and which items a terminal offers. */
package org.onetrip.store.catalog;
