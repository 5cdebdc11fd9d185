/** The uplink to the provincial platform: terminal identity, request signing and the Intake API client. */
package org.onetrip.store.uplink;
