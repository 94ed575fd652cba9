package org.switchboard.webadmin.directory;

import java.util.Optional;
import org.switchboard.core.spi.service.BansService;
import org.switchboard.core.spi.service.DialPlanService;
import org.switchboard.core.spi.store.DialPlanStore;

/**
 * The other features' services the security and dial plan pages and their API calls use, the same
 * ones the CLI answers through. Immutable.
 *
 * @param bans the banned source addresses (the accounts' brute-force guard)
 * @param dialPlan the dial plan's tester and rule check, when the server has a dial plan
 * @param dialRules the dial plan's rules, when the server has a dial plan
 */
public record ServerServices(BansService bans, Optional<DialPlanService> dialPlan, Optional<DialPlanStore> dialRules) {
}
