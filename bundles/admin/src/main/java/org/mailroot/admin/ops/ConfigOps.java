package org.mailroot.admin.ops;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.TreeSet;
import org.mailroot.admin.http.Actor;
import org.mailroot.admin.http.Json;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * config get/set. A value is checked against the metatype of the component that owns the PID
 * (factory PID for {@code pid~name}) and written to that PID's etc/ file; FileInstall applies it
 * live, so etc/ stays the single source of truth and the change survives a restart.
 */
public final class ConfigOps {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailroot.admin.audit");
    private final BundleContext context;
    private final ConfigurationAdmin cm;
    private final MetaTypeService metatype;
    private final Path etc;

    public ConfigOps(BundleContext context, ConfigurationAdmin cm, MetaTypeService metatype, Path etc) {
        this.context = context;
        this.cm = cm;
        this.metatype = metatype;
        this.etc = etc;
    }

    /** The configured values (the etc/ file, else Configuration Admin) and the metatype defaults of unset keys. */
    public JsonObject get(String pid, String key) throws Exception {
        ObjectClassDefinition ocd = ocd(pid);
        EtcFile file = fileOf(pid);
        Properties values = file.read();
        if (values.isEmpty()) {
            Configuration c = existing(pid);
            if (c != null && c.getProperties() != null) {
                for (String k : java.util.Collections.list(c.getProperties().keys())) {
                    values.setProperty(k, String.valueOf(c.getProperties().get(k)));
                }
            }
        }
        JsonObjectBuilder set = Json.object();
        JsonObjectBuilder defaults = Json.object();
        for (String k : new TreeSet<>(values.stringPropertyNames())) {
            if (!k.startsWith("service.") && !k.startsWith("felix.fileinstall") && (key == null || k.equals(key))) {
                set.add(k, values.getProperty(k));
            }
        }
        for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            String[] d = ad.getDefaultValue();
            if (!values.containsKey(ad.getID()) && (key == null || ad.getID().equals(key))) {
                defaults.add(ad.getID(), d == null ? "" : String.join(",", d));
            }
        }
        if (key != null && attribute(ocd, key) == null) {
            throw new NoSuchElementException(unknownKey(pid, key, ocd));
        }
        return Json.object().add("pid", pid).add("file", shown(file.path())).add("values", set)
                .add("defaults", defaults).build();
    }

    /** Validates and writes one value; refused with the key and the allowed values named. */
    public JsonObject set(String pid, String key, String value, Actor actor) throws IOException {
        ObjectClassDefinition ocd = ocd(pid);
        AttributeDefinition ad = attribute(ocd, key);
        if (ad == null) {
            throw new IllegalArgumentException(unknownKey(pid, key, ocd));
        }
        EtcFile file = fileOf(pid);
        if (pid.indexOf('~') > 0 && existing(pid) == null && !java.nio.file.Files.exists(file.path())) {
            // a new factory configuration is a new virtual server or domain: made on purpose, not by a typo
            throw new NoSuchElementException("No configuration " + pid + "; to add one, create etc/" + pid + ".cfg");
        }
        String shown = shown(file.path());
        String[] d = ad.getDefaultValue();
        String old = file.read().getProperty(key, d == null ? "" : String.join(",", d));
        String problem = MetatypeCheck.problem(ad, value);
        if (problem != null) {
            String message = "Invalid configuration " + pid + " (" + shown + "): " + key + "=" + value
                    + "; allowed: " + problem + "; keeping " + old;
            throw new IllegalArgumentException(message);
        }
        file.set(key, value.strip());
        LOG.info("Configuration change by {}: {} {}: {} -> {} ({})", actor, pid, key, old, value.strip(), shown);
        return Json.object().add("pid", pid).add("key", key).add("old", old).add("value", value.strip())
                .add("file", shown).build();
    }

    /** The etc/ file FileInstall read this PID from, else etc/{pid}.cfg. */
    EtcFile fileOf(String pid) throws IOException {
        Configuration c = existing(pid);
        Object name = c == null || c.getProperties() == null ? null : c.getProperties().get("felix.fileinstall.filename");
        if (name != null) {
            try {
                return new EtcFile(Path.of(URI.create(name.toString())));
            } catch (IllegalArgumentException e) {
                return new EtcFile(Path.of(name.toString()));
            }
        }
        if (pid.contains("/") || pid.contains("\\") || pid.startsWith(".")) {
            throw new IllegalArgumentException("not a configuration PID: " + pid);
        }
        return new EtcFile(etc.resolve(pid + ".cfg"));
    }

    Configuration existing(String pid) throws IOException {
        try {
            Configuration[] found = cm.listConfigurations("(service.pid=" + pid.replaceAll("[()*\\\\]", "") + ")");
            return found == null ? null : found[0];
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a configuration PID: " + pid);
        }
    }

    /** The metatype of the PID (its factory PID for pid~name); NoSuchElementException naming the known PIDs. */
    ObjectClassDefinition ocd(String pid) {
        int tilde = pid.indexOf('~');
        String factory = tilde > 0 ? pid.substring(0, tilde) : null;
        List<String> known = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation mti = metatype.getMetaTypeInformation(b);
            if (mti == null) {
                continue;
            }
            List<String> pids = Arrays.asList(mti.getPids());
            List<String> factories = Arrays.asList(mti.getFactoryPids());
            if (factory != null ? factories.contains(factory) : pids.contains(pid)) {
                return mti.getObjectClassDefinition(factory != null ? factory : pid, null);
            }
            known.addAll(pids);
            factories.forEach(f -> known.add(f + "~<name>"));
        }
        throw new NoSuchElementException("No component declares configuration " + pid
                + "; known: " + String.join(", ", new TreeSet<>(known)));
    }

    private String shown(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path dir = etc.toAbsolutePath().normalize();
        return abs.startsWith(dir) ? "etc/" + dir.relativize(abs) : abs.toString();
    }

    static AttributeDefinition attribute(ObjectClassDefinition ocd, String key) {
        return Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .filter(ad -> ad.getID().equals(key)).findFirst().orElse(null);
    }

    private static String unknownKey(String pid, String key, ObjectClassDefinition ocd) {
        TreeSet<String> keys = new TreeSet<>();
        Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)).forEach(ad -> keys.add(ad.getID()));
        return "Unknown key " + key + " for " + pid + "; allowed keys: " + String.join(", ", keys);
    }
}
