/** crmkit examples: demo. */
@NullMarked
package org.crmkit.examples.demo;

import org.jspecify.annotations.NullMarked;
