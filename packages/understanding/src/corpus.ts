// The shipped training corpus: per language, per intent, natural shopper utterances (typos
// and chat style included). Test messages live in ../heldout (and tuning messages in ../dev);
// neither is ever imported here.
import type { IntentCorpus } from './intent-classifier.ts';
import ar from '../corpus/ar.json' with { type: 'json' };
import de from '../corpus/de.json' with { type: 'json' };
import en from '../corpus/en.json' with { type: 'json' };
import es from '../corpus/es.json' with { type: 'json' };
import fr from '../corpus/fr.json' with { type: 'json' };
import he from '../corpus/he.json' with { type: 'json' };
import hi from '../corpus/hi.json' with { type: 'json' };
import id from '../corpus/id.json' with { type: 'json' };
import it from '../corpus/it.json' with { type: 'json' };
import ja from '../corpus/ja.json' with { type: 'json' };
import ko from '../corpus/ko.json' with { type: 'json' };
import nl from '../corpus/nl.json' with { type: 'json' };
import pl from '../corpus/pl.json' with { type: 'json' };
import pt from '../corpus/pt.json' with { type: 'json' };
import ru from '../corpus/ru.json' with { type: 'json' };
import th from '../corpus/th.json' with { type: 'json' };
import tr from '../corpus/tr.json' with { type: 'json' };
import vi from '../corpus/vi.json' with { type: 'json' };
import zh from '../corpus/zh.json' with { type: 'json' };
import zhHant from '../corpus/zh-Hant.json' with { type: 'json' };

/** Training corpora by language (BCP 47 language subtag; Traditional Chinese as `zh-Hant`, its own corpus). */
export const TRAINING_CORPORA: Record<string, IntentCorpus> = { ar, de, en, es, fr, he, hi, id, it, ja, ko, nl, pl, pt, ru, th, tr, vi, zh, 'zh-Hant': zhHant };
