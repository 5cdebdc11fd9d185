/** The embedded web server, the page shell, and how views get their services (constructor injection). */
package org.onetrip.kiosk.web;
