package org.crmkit.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.crmkit.core.MissingAttributeException;
import org.crmkit.core.NullAttributeException;
import org.immutables.value.Value;

/**
 * The one Immutables style shared by every crmkit value type: generated implementations are
 * package-private and hidden behind the public abstract type, and need only the JDK at run time.
 * A missing required attribute throws {@link MissingAttributeException} and a null attribute
 * {@link NullAttributeException}, both {@code CrmException}s naming the type and the attribute.
 * No class-path annotation is added to generated code ({@code allowedClasspathAnnotations} holds
 * only {@code Override}), so {@code org.immutables.value.Generated}, which is not on a user's
 * class path, never reaches a user's {@code -Xlint}.
 *
 * <p>Not part of the public API: it is public only because packages of other crmkit modules
 * annotate themselves with it.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    throwForInvalidImmutableState = MissingAttributeException.class,
    throwForNullPointer = NullAttributeException.class,
    allowedClasspathAnnotations = {Override.class})
public @interface CrmStyle {}
