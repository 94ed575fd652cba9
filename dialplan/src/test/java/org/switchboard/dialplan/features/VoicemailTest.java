package org.switchboard.dialplan.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VoicemailTest {

    @Test
    void aDomainsTemplateWinsOverTheGlobalOneAndOffLeavesTheDomainWithoutMailbox() {
        Voicemail vm = Voicemail.of(Map.of("voicemail", "sip:vm-{user}@vm.example.com",
                "voicemail.branch.example.com", "sip:{user}-{domain}@media.example.net",
                "voicemail.lab.example.com", "off", "code.dnd-on", "*78"));

        assertThat(vm.mailbox("201", "example.com")).isEqualTo("sip:vm-201@vm.example.com");
        assertThat(vm.mailbox("201", "branch.example.com")).isEqualTo("sip:201-branch.example.com@media.example.net");
        assertThat(vm.mailbox("201", "lab.example.com")).isNull();
        assertThat(Voicemail.of(Map.of()).mailbox("201", "example.com")).isNull();
    }

    @Test
    void aTemplateThatGivesNoSipUriIsRefused() {
        assertThatThrownBy(() -> Voicemail.of(Map.of("voicemail", "vm-{user}")))
                .hasMessageContaining("voicemail: 'vm-{user}' does not give a SIP URI");
    }
}
