package org.crmkit.spring.boot;

import java.util.stream.Collectors;
import org.crmkit.core.InvalidDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an invalid crmkit definition at start-up into Spring Boot's "APPLICATION FAILED TO START"
 * report: every problem on its own line with its JSON path and document, and what to do.
 */
final class InvalidDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDefinitionException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidDefinitionException cause) {
    String problems = cause.problems().stream()
        .map(p -> "    " + p.path() + ": " + p.message())
        .collect(Collectors.joining("\n"));
    return new FailureAnalysis(
        "Invalid " + cause.what() + " (" + cause.problems().size()
            + (cause.problems().size() == 1 ? " problem" : " problems") + "):\n" + problems,
        "Fix the documents named in brackets (crmkit.* properties name their locations);"
            + " each problem gives the JSON path in the document.",
        cause);
  }
}
