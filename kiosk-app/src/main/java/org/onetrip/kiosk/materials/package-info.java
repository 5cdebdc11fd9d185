/**
 * The materials step of an application (申请材料): per material, what the resident still has to do — nothing
 * (shared data, e-licence, on file), declare a written commitment (告知承诺) where the catalog allows it, photograph
 * the paper document with the terminal's camera, or bring the original to the agency point.
 */
package org.onetrip.kiosk.materials;
