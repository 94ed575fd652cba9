package org.switchboard.webadmin.http;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The pages' FreeMarker templates, from the class path, with HTML output format: every
 * interpolation is HTML-escaped unless a template says otherwise (none does). A template error fails
 * the page instead of printing half of it. Thread-safe once built.
 */
public final class Templates {
    private static final String FOLDER = "/org/switchboard/webadmin/templates";
    private final Configuration config = new Configuration(Configuration.VERSION_2_3_34);

    public Templates() {
        config.setTemplateLoader(new ClassTemplateLoader(Templates.class, FOLDER));
        config.setOutputFormat(HTMLOutputFormat.INSTANCE);
        config.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setURLEscapingCharset("UTF-8");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setNumberFormat("computer");
    }

    /** Renders {@code name} (e.g. {@code login.ftlh}) with {@code model}. */
    public String render(String name, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            config.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + name, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
