package org.switchboard.core.spi.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When a change of one setting takes effect: put on every component of a section's record.
 *
 * <p>The mark is required on every component ({@link Section#of} refuses a record with an unmarked
 * one) rather than defaulting to live: a forgotten mark would otherwise tell an admin that a change
 * is in effect when the code only reads the value at start. It sits on the record component because
 * that is where the setting is declared, next to its type and its Javadoc, and reflection on the
 * record finds it without a second list to keep in step.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Applies {

    /** When a change takes effect. */
    When value();

    /** When a change takes effect. */
    enum When {
        /** The code reads the setting each time it needs it, so a change applies to what starts next. */
        LIVE,
        /** The code reads the setting once at start (sockets, pools, thread counts); a change needs a restart. */
        RESTART
    }
}
