package org.crmkit.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style shared by every crmkit value type: generated implementations are
 * package-private and hidden behind the public abstract type, and need only the JDK at run time.
 *
 * <p>Not part of the public API: it is public only because packages of other crmkit modules
 * annotate themselves with it.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true)
public @interface CrmStyle {}
