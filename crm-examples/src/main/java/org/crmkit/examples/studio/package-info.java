/**
 * crmkit studio: a local web app over the library — policy playground, machine viewer, segments
 * and value, hierarchies — served by the JDK's HTTP server with Apache ECharts bundled, and the
 * same charts for self-contained HTML reports ({@link org.crmkit.examples.studio.ReportCharts}).
 */
@NullMarked
package org.crmkit.examples.studio;

import org.jspecify.annotations.NullMarked;
