package org.onetrip.hardware.printer;

/** What a receipt printer reports about itself. */
public enum PrinterStatus {
    /** Ready to print. */
    READY,
    /** Prints, but the roll is nearly used up: tell staff. */
    PAPER_NEAR_END,
    /** No paper: jobs are refused. */
    PAPER_OUT,
    /** Not reachable, not started, or stopped: jobs are refused. */
    OFFLINE;

    /** Whether a job sent now would be printed. */
    public boolean canPrint() {
        return this == READY || this == PAPER_NEAR_END;
    }
}
