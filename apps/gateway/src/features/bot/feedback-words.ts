import type { QuickReplyId } from '@parley/protocol';

// A plain "yes" or "no" typed instead of pressing a button, in the supported languages. Only
// the first word of a short message counts: "no, it still hasn't arrived" is a no.
const YES = new Set('yes yeah yep yup ja jep oui si sí sim sì tak ya iya evet да так kyllä ja はい うん 네 예 是 是的 对 對 好 نعم ايوه כן हाँ हां ใช่ có vâng ok okay'.split(' '));
const NO = new Set('no nope nah nein nee non não nao nie tidak gak nggak hayır hayir нет ні いいえ いや 아니요 아니오 아니 不 不是 没有 沒有 没 لا לא नहीं ไม่ không'.split(' '));
const MAX_LENGTH = 60;

/** Reads a short typed answer to "did that help?" as a quick reply, or undefined. */
export function feedbackFromText(text: string): QuickReplyId | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed.length === 0 || trimmed.length > MAX_LENGTH) return undefined;
  const first = trimmed.split(/[\s,.!?;:،、。！？，]+/u)[0] ?? '';
  if (NO.has(first)) return 'not_helped';
  if (YES.has(first)) return 'helped';
  return undefined;
}
