// Every locale's resource files; a test checks this covers SUPPORTED_LOCALES exactly.
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
import hiINReplies from './locales/hi-IN/replies.json' with { type: 'json' };
import hiINWidget from './locales/hi-IN/widget.json' with { type: 'json' };
import idIDReplies from './locales/id-ID/replies.json' with { type: 'json' };
import idIDWidget from './locales/id-ID/widget.json' with { type: 'json' };
import itITReplies from './locales/it-IT/replies.json' with { type: 'json' };
import itITWidget from './locales/it-IT/widget.json' with { type: 'json' };
import jaJPReplies from './locales/ja-JP/replies.json' with { type: 'json' };
import jaJPWidget from './locales/ja-JP/widget.json' with { type: 'json' };
import koKRReplies from './locales/ko-KR/replies.json' with { type: 'json' };
import koKRWidget from './locales/ko-KR/widget.json' with { type: 'json' };
import nlNLReplies from './locales/nl-NL/replies.json' with { type: 'json' };
import nlNLWidget from './locales/nl-NL/widget.json' with { type: 'json' };
import plPLReplies from './locales/pl-PL/replies.json' with { type: 'json' };
import plPLWidget from './locales/pl-PL/widget.json' with { type: 'json' };
import ptBRReplies from './locales/pt-BR/replies.json' with { type: 'json' };
import ptBRWidget from './locales/pt-BR/widget.json' with { type: 'json' };
import ptPTReplies from './locales/pt-PT/replies.json' with { type: 'json' };
import ptPTWidget from './locales/pt-PT/widget.json' with { type: 'json' };
import ruRUReplies from './locales/ru-RU/replies.json' with { type: 'json' };
import ruRUWidget from './locales/ru-RU/widget.json' with { type: 'json' };
import thTHReplies from './locales/th-TH/replies.json' with { type: 'json' };
import thTHWidget from './locales/th-TH/widget.json' with { type: 'json' };
import trTRReplies from './locales/tr-TR/replies.json' with { type: 'json' };
import trTRWidget from './locales/tr-TR/widget.json' with { type: 'json' };
import viVNReplies from './locales/vi-VN/replies.json' with { type: 'json' };
import viVNWidget from './locales/vi-VN/widget.json' with { type: 'json' };
import zhHansReplies from './locales/zh-Hans/replies.json' with { type: 'json' };
import zhHansWidget from './locales/zh-Hans/widget.json' with { type: 'json' };
import zhHantReplies from './locales/zh-Hant/replies.json' with { type: 'json' };
import zhHantWidget from './locales/zh-Hant/widget.json' with { type: 'json' };

/** Resource namespaces per locale: bot replies and the widget's UI strings. */
export type LocaleResources = Record<'replies' | 'widget', Record<string, string>>;

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
  'hi-IN': { replies: hiINReplies, widget: hiINWidget },
  'id-ID': { replies: idIDReplies, widget: idIDWidget },
  'it-IT': { replies: itITReplies, widget: itITWidget },
  'ja-JP': { replies: jaJPReplies, widget: jaJPWidget },
  'ko-KR': { replies: koKRReplies, widget: koKRWidget },
  'nl-NL': { replies: nlNLReplies, widget: nlNLWidget },
  'pl-PL': { replies: plPLReplies, widget: plPLWidget },
  'pt-BR': { replies: ptBRReplies, widget: ptBRWidget },
  'pt-PT': { replies: ptPTReplies, widget: ptPTWidget },
  'ru-RU': { replies: ruRUReplies, widget: ruRUWidget },
  'th-TH': { replies: thTHReplies, widget: thTHWidget },
  'tr-TR': { replies: trTRReplies, widget: trTRWidget },
  'vi-VN': { replies: viVNReplies, widget: viVNWidget },
  'zh-Hans': { replies: zhHansReplies, widget: zhHansWidget },
  'zh-Hant': { replies: zhHantReplies, widget: zhHantWidget },
};
