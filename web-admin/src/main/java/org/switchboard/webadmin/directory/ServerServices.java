package org.switchboard.webadmin.directory;

import java.util.Optional;
import org.switchboard.core.spi.service.BansService;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.service.DialPlanService;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.core.spi.store.DialPlanStore;

/**
 * The other features' services the security, devices, dial plan and settings pages and their API calls use, the same
 * ones the CLI answers through. Immutable.
 *
 * @param bans the banned source addresses (the accounts' brute-force guard)
 * @param devices the phone inventory of plug-and-play
 * @param dialPlan the dial plan's tester and rule check, when the server has a dial plan
 * @param dialRules the dial plan's rules, when the server has a dial plan
 * @param settings the server's live settings, when it has them
 */
public record ServerServices(BansService bans, DevicesService devices, Optional<DialPlanService> dialPlan, Optional<DialPlanStore> dialRules,
        Optional<Settings> settings) {
}
