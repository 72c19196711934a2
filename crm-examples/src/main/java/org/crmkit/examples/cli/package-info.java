/** crmkit examples: cli. */
@NullMarked
package org.crmkit.examples.cli;

import org.jspecify.annotations.NullMarked;
