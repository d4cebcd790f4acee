// Generated list of every locale's resource files; a test checks it covers SUPPORTED_LOCALES.
import type { SupportedLocale } from './supported-locales.ts';
import arSAReplies from './locales/ar-SA/replies.json' with { type: 'json' };
import arSAWidget from './locales/ar-SA/widget.json' with { type: 'json' };
import deDEReplies from './locales/de-DE/replies.json' with { type: 'json' };
import deDEWidget from './locales/de-DE/widget.json' with { type: 'json' };
import enGBReplies from './locales/en-GB/replies.json' with { type: 'json' };
import enGBWidget from './locales/en-GB/widget.json' with { type: 'json' };
import enUSReplies from './locales/en-US/replies.json' with { type: 'json' };
import enUSWidget from './locales/en-US/widget.json' with { type: 'json' };
import esESReplies from './locales/es-ES/replies.json' with { type: 'json' };
import esESWidget from './locales/es-ES/widget.json' with { type: 'json' };
import esMXReplies from './locales/es-MX/replies.json' with { type: 'json' };
import esMXWidget from './locales/es-MX/widget.json' with { type: 'json' };
import frFRReplies from './locales/fr-FR/replies.json' with { type: 'json' };
import frFRWidget from './locales/fr-FR/widget.json' with { type: 'json' };
import heILReplies from './locales/he-IL/replies.json' with { type: 'json' };
import heILWidget from './locales/he-IL/widget.json' with { type: 'json' };
import itITReplies from './locales/it-IT/replies.json' with { type: 'json' };
import itITWidget from './locales/it-IT/widget.json' with { type: 'json' };
import jaJPReplies from './locales/ja-JP/replies.json' with { type: 'json' };
import jaJPWidget from './locales/ja-JP/widget.json' with { type: 'json' };
import ptBRReplies from './locales/pt-BR/replies.json' with { type: 'json' };
import ptBRWidget from './locales/pt-BR/widget.json' with { type: 'json' };
import zhHansReplies from './locales/zh-Hans/replies.json' with { type: 'json' };
import zhHansWidget from './locales/zh-Hans/widget.json' with { type: 'json' };
import zhHantReplies from './locales/zh-Hant/replies.json' with { type: 'json' };
import zhHantWidget from './locales/zh-Hant/widget.json' with { type: 'json' };

/** Resource namespaces per locale: bot replies and the widget's UI strings. */
export type LocaleResources = Record<"replies" | "widget", Record<string, string>>;

/** Every supported locale's i18next resources. */
export const RESOURCES: Record<SupportedLocale, LocaleResources> = {
  'ar-SA': { replies: arSAReplies, widget: arSAWidget },
  'de-DE': { replies: deDEReplies, widget: deDEWidget },
  'en-GB': { replies: enGBReplies, widget: enGBWidget },
  'en-US': { replies: enUSReplies, widget: enUSWidget },
  'es-ES': { replies: esESReplies, widget: esESWidget },
  'es-MX': { replies: esMXReplies, widget: esMXWidget },
  'fr-FR': { replies: frFRReplies, widget: frFRWidget },
  'he-IL': { replies: heILReplies, widget: heILWidget },
  'it-IT': { replies: itITReplies, widget: itITWidget },
  'ja-JP': { replies: jaJPReplies, widget: jaJPWidget },
  'pt-BR': { replies: ptBRReplies, widget: ptBRWidget },
  'zh-Hans': { replies: zhHansReplies, widget: zhHansWidget },
  'zh-Hant': { replies: zhHantReplies, widget: zhHantWidget },
};
