package org.coconnect.config;

/** A configuration problem, naming the file and key so an operator can fix it. */
public class ConfigException extends RuntimeException {
    public ConfigException(String file, String key, String problem) {
        super(file + ": " + (key == null ? "" : "key '" + key + "': ") + problem);
    }
}
