package org.coconnect.ws.local;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.coconnect.config.LocalScope;

/** The scope a client needs for this resource method; checked by {@link ScopeCheck} before the method runs. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface RequiresScope {
    LocalScope value();
}
