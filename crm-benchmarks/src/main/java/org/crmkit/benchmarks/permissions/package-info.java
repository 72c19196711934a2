/**
 * Permission benchmarks: crmkit's compiled policy side by side with jCasbin (RBAC with role
 * hierarchy and domains) and Cedar (cedar-java, JNI) on one generated organisation.
 */
package org.crmkit.benchmarks.permissions;
