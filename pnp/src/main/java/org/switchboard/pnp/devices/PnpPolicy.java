package org.switchboard.pnp.devices;

import static org.switchboard.core.spi.settings.Applies.When.LIVE;

import java.util.Objects;
import org.switchboard.core.spi.settings.Applies;
import org.switchboard.core.spi.settings.Section;

/**
 * Plug-and-play's live settings section ({@code pnp}): what happens to a phone that asks before an
 * admin assigned it a user. Read for each phone that asks, so a change applies to the next one.
 * Immutable.
 *
 * @param assign {@link PnpAssignment#NONE} to leave the phone for an admin (the default), or {@link
 *     PnpAssignment#AUTO} to give it the next free extension of {@code extensions} in the first domain
 * @param extensions the range {@code AUTO} assigns from, lowest free first, as {@code FIRST-LAST}
 *     (default {@code 200-299})
 */
public record PnpPolicy(@Applies(LIVE) PnpAssignment assign, @Applies(LIVE) String extensions) {

    /** The section, with the defaults above. */
    public static final Section<PnpPolicy> SECTION = Section.of("pnp", PnpPolicy.class,
            new PnpPolicy(PnpAssignment.NONE, "200-299"));

    /** Checks each value, naming the setting that fails. */
    public PnpPolicy {
        Objects.requireNonNull(assign, "assign");
        Objects.requireNonNull(extensions, "extensions");
        try {
            extensions = ExtensionRange.parse(extensions).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("extensions: " + e.getMessage(), e);
        }
    }

    /** {@link #extensions()} as a range. */
    public ExtensionRange extensionRange() {
        return ExtensionRange.parse(extensions);
    }
}
