import { createKnowledgeBase } from '@parley/knowledge';
import type { ConsumptionTaxOverride, ImportRule, KnowledgeBase } from '@parley/knowledge';
import { demoOrderLookup } from '../features/orders/demo-orders.ts';
import type { OrderLookup } from '../features/orders/order.ts';
import { webhookOrderLookup } from '../features/orders/webhook-order-lookup.ts';
import type { Site } from './site.ts';

/** What each site's configuration turns into at run time, built once per site on first use. */
export interface SiteServices {
  /** Parley's cross-border facts with the site's corrections and return window. */
  knowledge(site: Site): KnowledgeBase;
  /** The site's order lookup, or undefined when it configured none. */
  orderLookup(site: Site): OrderLookup | undefined;
  /** The site's own order-number formats, compiled; undefined means Parley's defaults. */
  orderPatterns(site: Site): RegExp[] | undefined;
}

/** Sites are loaded once at start-up, so caching per site object never goes stale. */
export function createSiteServices(): SiteServices {
  return {
    knowledge: memoize((site) => createKnowledgeBase(knowledgeOverrides(site))),
    orderLookup: memoize((site) => {
      if (site.orders?.source === 'demo') return demoOrderLookup();
      if (site.orders?.source === 'webhook') return webhookOrderLookup({ siteKey: site.key, webhook: site.orders });
      return undefined;
    }),
    orderPatterns: memoize((site) => site.orderNumberPatterns?.map((source) => new RegExp(source, 'gu'))),
  };
}

function memoize<T>(build: (site: Site) => T): (site: Site) => T {
  const cache = new WeakMap<Site, { value: T }>();
  return (site) => {
    let entry = cache.get(site);
    if (!entry) cache.set(site, (entry = { value: build(site) }));
    return entry.value;
  };
}

function knowledgeOverrides(site: Site): Parameters<typeof createKnowledgeBase>[0] {
  const consumptionTaxes: ConsumptionTaxOverride[] = (site.knowledge?.consumptionTaxes ?? []).map(({ pricesIncludeTax, ...tax }) =>
    pricesIncludeTax === undefined ? { ...tax, standardRate: tax.standardRate } : { ...tax, standardRate: tax.standardRate, pricesIncludeTax },
  );
  const importRules: ImportRule[] = (site.knowledge?.importRules ?? []).map(({ shopperMustProvide, ...rule }) =>
    shopperMustProvide ? { ...rule, shopperMustProvide } : rule,
  );
  return site.returns?.windowDays === undefined
    ? { consumptionTaxes, importRules }
    : { consumptionTaxes, importRules, returnWindowDays: site.returns.windowDays };
}
