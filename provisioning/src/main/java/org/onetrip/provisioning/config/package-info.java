/** The terminal's configuration and its validation. Enrolment, bundles and the CLI come with the provisioning issue. */
package org.onetrip.provisioning.config;
