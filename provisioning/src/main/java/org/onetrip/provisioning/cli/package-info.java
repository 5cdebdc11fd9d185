/**
 * The {@code onetrip-provision} command line (picocli). {@link org.onetrip.provisioning.cli.ProvisionCli} is the
 * top-level command; a new command is a class annotated {@code @Command} implementing {@code Callable<Integer>},
 * listed in {@link org.onetrip.provisioning.cli.ProvisionCli#COMMANDS}. Commands write results to the
 * command line's out writer and problems, in one line naming the setting and the fix, to its err writer.
 */
package org.onetrip.provisioning.cli;
