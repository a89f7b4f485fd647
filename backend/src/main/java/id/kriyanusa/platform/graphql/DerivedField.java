package id.kriyanusa.platform.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method that computes its field from the source object alone, without
 * reading anything: it runs on the thread that asks for the field, not on a virtual
 * thread of its own (see {@link FieldsSideBySide}). A results page asks for twenty
 * product ids; handing each to another thread cost more than encoding it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DerivedField {

}
