/**
 * Filing on a resident's behalf (全程代办): the resident's authorisation (委托) recorded at their card tap, and the
 * seal of what the agent filed, with the agent, the authorisation and each material's trust level (C as
 * photographed, B once the agent checked it against the original) in the sealed body and in the store.
 */
package org.onetrip.store.agency;
