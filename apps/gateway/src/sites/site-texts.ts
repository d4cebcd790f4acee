import type { ReplyTemplates, ShopperContext, SupportedLocale, TemplateValues } from '@parley/culture';
import type { Site } from './site.ts';

/**
 * A site's own wording, per locale, over Parley's built-in templates. For each string the
 * lookup is: the site's text for the exact locale (`es-MX`), then for its language (`es`), then
 * Parley's template for that same locale. It never falls back to another language's override,
 * so a shop's English greeting cannot leak to a Japanese shopper.
 */
function siteText(site: Site, locale: SupportedLocale, part: 'widget' | 'replies', key: string): string | undefined {
  const language = locale.split('-')[0] ?? locale;
  return site.texts?.[locale]?.[part]?.[key] ?? site.texts?.[language]?.[part]?.[key];
}

function interpolate(text: string, values: TemplateValues): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/gu, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** The widget's UI strings for `locale`, with the site's overrides applied. */
export function widgetStringsFor(site: Site, locale: SupportedLocale, templates: ReplyTemplates): Record<string, string> {
  const values = { siteName: site.name };
  const builtIn = templates.widgetStrings(locale, values);
  return Object.fromEntries(
    Object.entries(builtIn).map(([key, text]) => {
      const own = siteText(site, locale, 'widget', key);
      return [key, own === undefined ? text : interpolate(own, values)];
    }),
  );
}

/**
 * A bot reply in `locale`: the site's own text when it has one, else Parley's template. Values
 * are formatted for the shopper (time zone, currency) in both cases.
 */
export function replyFor(
  site: Site,
  locale: SupportedLocale,
  key: string,
  values: TemplateValues,
  templates: ReplyTemplates,
  shopper: ShopperContext = {},
): string {
  const own = siteText(site, locale, 'replies', key);
  const allValues = { siteName: site.name, ...values };
  if (own === undefined) return templates.reply(locale, key, allValues, shopper).text;
  return interpolate(own, templates.formatValues(locale, allValues, shopper));
}
