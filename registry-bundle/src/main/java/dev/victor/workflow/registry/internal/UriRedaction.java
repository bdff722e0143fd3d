package dev.victor.workflow.registry.internal;

import java.util.regex.Pattern;

/**
 * Keeps secrets that a URI may carry out of what is printed and logged: the user information of
 * {@code scheme://user:password@host} and the values of query or matrix parameters whose names say
 * they are secret ({@code password}, {@code token}, {@code access_token}, {@code api_key},
 * {@code secret}, {@code sig}, {@code X-Amz-Signature} ...). The rest of the URI stays as written,
 * so a message still says which source it is about.
 */
public final class UriRedaction {
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/?#@\\s'\"]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&;](?:[a-z0-9_.-]*(?:password|passwd"
            + "|pwd|secret|token|api[_-]?key|apikey|credential|signature|session)[a-z0-9_.-]*|key|sig|auth"
            + "|authorization)=)[^&#;\\s'\"]*");

    private UriRedaction() {
    }

    /** The text with every URI's user information and secret parameter values replaced by {@code ***}. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String out = USER_INFO.matcher(text).replaceAll("***@");
        return SECRET_PARAMETER.matcher(out).replaceAll("$1***");
    }
}
