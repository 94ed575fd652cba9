package org.switchboard.pnp.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SettingsRendererTest {
    private static final ProvisioningLinks LINKS = new ProvisioningLinks(
            "https://pbx.example.com/provisioning/000413a1b2c3.xml?token=TOKEN",
            "https://pbx.example.com/provisioning/000413a1b2c3-firmware.xml");

    @TempDir
    Path dataDir;

    private static String golden(String name) throws IOException {
        try (InputStream in = SettingsRendererTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private void override(String name, String content) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve(SettingsRenderer.OVERRIDE_DIRECTORY));
        Files.writeString(dir.resolve(name), content);
    }

    @Test
    void rendersSnomSettingsWithLinesKeysDirectoryAndLinks() throws Exception {
        String xml = new SettingsRenderer(dataDir).snomSettings(SamplePhones.alice(), LINKS);

        assertThat(xml).isEqualTo(golden("snom-settings-alice.xml"));
    }

    @Test
    void rendersFileWithoutSecretsWithoutAccountsPasswordsOrLinksLeftOut() throws Exception {
        String xml = new SettingsRenderer(dataDir).snomSettings(SamplePhones.alice().withoutSecrets(),
                new ProvisioningLinks(null, null));

        assertThat(xml).isEqualTo(golden("snom-settings-generic.xml"));
    }

    @Test
    void rendersFirmwareFile() throws Exception {
        String xml = new SettingsRenderer(dataDir).snomFirmware(SamplePhones.alice());

        assertThat(xml).isEqualTo(golden("snom-firmware-d785.xml"));
    }

    @Test
    void outputIsWellFormedXml() throws Exception {
        Document doc = parseXml(new SettingsRenderer(dataDir).snomSettings(SamplePhones.alice(), LINKS));

        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("settings");
        assertThat(doc.getElementsByTagName("user_name").getLength()).isEqualTo(2);
    }

    @Test
    void escapesMarkupCharactersInValues() throws Exception {
        String name = "<Tom> & \"Jerry's\"";

        String xml = new SettingsRenderer(dataDir).snomSettings(SamplePhones.withDisplayName(name), LINKS);

        assertThat(xml).contains("&lt;Tom&gt; &amp; &quot;Jerry&apos;s&quot;");
        Element realname = (Element) parseXml(xml).getElementsByTagName("user_realname").item(0);
        assertThat(realname.getTextContent()).isEqualTo(name);
    }

    @Test
    void templateInDataDirectoryOverridesTheShippedOne() throws Exception {
        SettingsRenderer renderer = new SettingsRenderer(dataDir);
        override(SettingsRenderer.SNOM_FIRMWARE, "<firmware-settings><firmware>${phone.firmwareUrl}</firmware>"
                + "<!-- site ${phone.device.model} --></firmware-settings>");

        assertThat(renderer.snomFirmware(SamplePhones.alice())).isEqualTo("<firmware-settings><firmware>"
                + "http://fw.example.com/snom/snomD785-10.1.54.bin</firmware><!-- site snomD785 --></firmware-settings>");
    }

    @Test
    void overridingTemplatesStillEscape() throws Exception {
        override(SettingsRenderer.SNOM_SETTINGS, "<n>${phone.lines[0].displayName}</n>");

        String xml = new SettingsRenderer(dataDir).snomSettings(SamplePhones.withDisplayName("A&B"), LINKS);

        assertThat(xml).isEqualTo("<n>A&amp;B</n>");
    }

    @Test
    void syntaxErrorIsReportedWithTemplateNameAndPosition() throws Exception {
        override(SettingsRenderer.SNOM_SETTINGS, "<settings>\n  <#if phone.language>\n</settings>\n");

        assertThatThrownBy(() -> new SettingsRenderer(dataDir).snomSettings(SamplePhones.alice(), LINKS))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.templateName()).isEqualTo(SettingsRenderer.SNOM_SETTINGS);
                    assertThat(e.line()).isPositive();
                    assertThat(e.getMessage()).contains(SettingsRenderer.SNOM_SETTINGS).contains("line " + e.line());
                });
    }

    @Test
    void missingValueIsAnErrorNotAnEmptyElement() throws Exception {
        override(SettingsRenderer.SNOM_SETTINGS, "<settings>\n<a>${phone.language}</a>\n<b>${phone.nickname}</b>\n</settings>");

        assertThatThrownBy(() -> new SettingsRenderer(dataDir).snomSettings(SamplePhones.alice(), LINKS))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.templateName()).isEqualTo(SettingsRenderer.SNOM_SETTINGS);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isPositive();
                });
    }

    @Test
    void templatesCannotInstantiateJavaClasses() throws Exception {
        override(SettingsRenderer.SNOM_SETTINGS,
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");

        assertThatThrownBy(() -> new SettingsRenderer(dataDir).snomSettings(SamplePhones.alice(), LINKS))
                .isInstanceOf(RenderException.class);
    }
}
