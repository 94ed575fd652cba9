package org.switchboard.pnp.settings;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.XMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders settings files from FreeMarker templates. A template in {@code <data-dir>/templates/}
 * overrides the one of the same name shipped in the jar ({@code org/switchboard/pnp/templates/}).
 *
 * <p>Strict by design: XML output with auto-escaping of every interpolation, a missing value is an
 * error (no silent defaults), and errors are rethrown rather than written into the output. The
 * file is rendered completely into memory before it is returned, so a failing template never
 * yields half a file. Overridden templates are re-read when they change (checked at most every
 * few seconds).
 *
 * <p>Thread-safe; rendering is CPU-bound but the first use of a template reads a file, so call it
 * off event loops (Jetty's pool is fine).
 */
public final class SettingsRenderer {
    /** The snom XML settings file ({@code <settings>} with phone-settings, functionKeys, tbook). */
    public static final String SNOM_SETTINGS = "snom-settings.xml.ftlx";
    /** The snom firmware file ({@code <firmware-settings>}), fetched through {@code firmware_status}. */
    public static final String SNOM_FIRMWARE = "snom-firmware.xml.ftlx";
    /** The directory under the data directory whose templates override the shipped ones. */
    public static final String OVERRIDE_DIRECTORY = "templates";

    private static final String BUILT_IN = "/org/switchboard/pnp/templates";

    private final Configuration config;

    /**
     * @param dataDir the server's data directory; its {@value #OVERRIDE_DIRECTORY} subdirectory is
     *     created if missing so the admin finds where overrides go
     * @throws IOException if that directory cannot be created or read
     */
    public SettingsRenderer(Path dataDir) throws IOException {
        Path overrides = Files.createDirectories(dataDir.resolve(OVERRIDE_DIRECTORY));
        TemplateLoader loader = new MultiTemplateLoader(new TemplateLoader[] {
            new FileTemplateLoader(overrides.toFile()),
            new ClassTemplateLoader(SettingsRenderer.class, BUILT_IN),
        });
        config = strictConfiguration(loader);
    }

    private static Configuration strictConfiguration(TemplateLoader loader) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(loader);
        c.setDefaultEncoding(StandardCharsets.UTF_8.name());
        c.setOutputEncoding(StandardCharsets.UTF_8.name());
        c.setOutputFormat(XMLOutputFormat.INSTANCE);
        c.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setLocalizedLookup(false);
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        // templates can be edited by admins: no instantiating classes, no access to the Java API
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        return c;
    }

    /** The snom settings file for {@code phone}, with the server links of this fetch. */
    public String snomSettings(PhoneSettingsModel phone, ProvisioningLinks links) throws RenderException {
        return render(SNOM_SETTINGS, Map.of("phone", phone, "links", links));
    }

    /** The snom firmware file for {@code phone}; its {@code firmwareUrl} must be set. */
    public String snomFirmware(PhoneSettingsModel phone) throws RenderException {
        if (phone.firmwareUrl() == null) {
            throw new IllegalArgumentException("No firmware set for " + phone.device().mac());
        }
        return render(SNOM_FIRMWARE, Map.of("phone", phone));
    }

    private String render(String name, Map<String, Object> data) throws RenderException {
        Template template;
        try {
            template = config.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new RenderException(name, 0, 0, "template not found", e);
        } catch (ParseException e) {
            throw new RenderException(name(e.getTemplateName(), name), e.getLineNumber(), e.getColumnNumber(),
                    e.getEditorMessage(), e);
        } catch (IOException e) {
            throw new RenderException(name, 0, 0, "cannot read template: " + e.getMessage(), e);
        }
        StringWriter out = new StringWriter(4096);
        try {
            template.process(data, out);
        } catch (TemplateException e) {
            throw new RenderException(name(e.getTemplateSourceName(), name), orZero(e.getLineNumber()),
                    orZero(e.getColumnNumber()), withoutTips(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new RenderException(name, 0, 0, "cannot write output: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** FreeMarker appends tips for template authors after a {@code ----} line; the log needs the problem only. */
    private static String withoutTips(String message) {
        int tips = message.indexOf("\n----");
        return (tips < 0 ? message : message.substring(0, tips)).strip().replace('\n', ' ');
    }

    private static String name(String reported, String requested) {
        return reported != null ? reported : requested;
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
