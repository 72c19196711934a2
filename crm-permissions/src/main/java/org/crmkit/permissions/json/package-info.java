/**
 * Versioned JSON documents for permissions: policies ({@code "format": "crmkit.policy/1"}) and
 * access data — org units, territories, users and records ({@code "format":
 * "crmkit.access-data/1"}). Readers report every problem with its JSON path.
 */
@NullMarked
package org.crmkit.permissions.json;

import org.jspecify.annotations.NullMarked;
