/** crmkit testkit. */
@NullMarked
package org.crmkit.testkit;

import org.jspecify.annotations.NullMarked;
