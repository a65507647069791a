import type { Config } from '../engine';
import { element } from './dom';
import { ruleName } from './findings';
import { format, type Strings } from './strings';

/**
 * The configuration the service lints with, read-only: what the team allows (capitals,
 * domains), its limits and each rule it changed. Empty fields are left out.
 */
export function renderTeamConfig(container: HTMLElement, config: Config, hash: string, strings: Strings): void {
  const list = element('dl', 'config');
  const add = (term: string, value: string) => list.append(element('dt', undefined, term), element('dd', undefined, value));
  for (const [ruleId, setting] of Object.entries(config.rules ?? {})) {
    const [severity, options] = Array.isArray(setting) ? setting : [setting];
    add(ruleName(ruleId, strings), options === undefined ? String(severity) : `${String(severity)} ${JSON.stringify(options)}`);
  }
  if (config.allowedCapitals?.length) add(strings.configCapitals, config.allowedCapitals.join(', '));
  if (config.allowedDomains?.length) add(strings.configDomains, config.allowedDomains.join(', '));
  if (config.segmentLimits) add(strings.configSegmentLimits, Object.entries(config.segmentLimits).map(([category, limit]) => `${category} ${limit}`).join(', '));
  if (config.senderPrefix) add(strings.configSenderPrefix, config.senderPrefix);
  if (config.defaultLocale) add(strings.configDefaultLocale, config.defaultLocale);
  if (config.defaultCategory) add(strings.configDefaultCategory, config.defaultCategory);
  container.replaceChildren(
    list.childElementCount > 0 ? list : element('p', 'hint', strings.configDefaults),
    element('p', 'hint', format(strings.configHash, { hash: hash.slice(0, 12) })),
  );
}
