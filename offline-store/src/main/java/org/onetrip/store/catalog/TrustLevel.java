package org.onetrip.store.catalog;

/**
 * The trust level of a material's copy (国办函〔2016〕108号): A issued by the implementing agency, B checked
 * against the original by staff, C uploaded by the resident (original checked at the window), D made by the
 * resident under a written commitment.
 */
public enum TrustLevel {
    A, B, C, D
}
