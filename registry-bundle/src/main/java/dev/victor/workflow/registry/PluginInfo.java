package dev.victor.workflow.registry;

/**
 * One plugin as the registry sees it, for one of its schemes.
 *
 * @param scheme       the scheme
 * @param pluginClass  the plugin's class name
 * @param name         the plugin's name (its configuration key besides the scheme)
 * @param origin       where it came from: {@code code}, {@code ServiceLoader}, or the bundle that
 *                     published the service
 * @param ranking      its {@code service.ranking} ({@link Integer#MAX_VALUE} for a registration
 *                     in code, which beats every service)
 * @param id           its {@code service.id}, or the registry's own number
 * @param enabled      false when configuration hides it
 * @param active       true when it is the one that compiles this scheme now
 * @param staleIfError whether it serves the last good graph when its source cannot be read
 */
public record PluginInfo(String scheme, String pluginClass, String name, String origin, int ranking, long id,
                         boolean enabled, boolean active, boolean staleIfError) {
}
