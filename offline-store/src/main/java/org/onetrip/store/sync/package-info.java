/** The sync engine: store-and-forward of sealed submissions to the platform and status pulls back. */
package org.onetrip.store.sync;
