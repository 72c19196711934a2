/**
 * crmkit's JSON, kept out of the domain jars: every versioned definition document ({@code
 * "format": "crmkit.policy/1"} and the others listed in the README) is read from a {@code String},
 * {@code Reader}, {@code InputStream} or {@code Path} and written back, each with a JSON Schema
 * under {@code /org/crmkit/json/schemas/} in this jar.
 *
 * <p>Readers walk the JSON tree and report every problem at once, each with its JSON path
 * ({@code $.grants[3].scope}); parsing is strict: duplicate keys are errors, a UTF-8 byte order
 * mark is accepted, the {@code format} is checked first, and parser limits (nesting, number and
 * string length) are reported in plain words. Writing then reading gives back an equal value.
 */
@NullMarked
package org.crmkit.json;

import org.jspecify.annotations.NullMarked;
