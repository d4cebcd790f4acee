import { describe, expect, it } from 'vitest';
import { neutraliseBidi } from './display-text.ts';

const LRE = '\u202A';
const RLE = '\u202B';
const PDF = '\u202C';
const LRO = '\u202D';
const RLO = '\u202E';
const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';

describe('neutraliseBidi', () => {
  it('removes a right-to-left override, so a disguised file name reads in typed order', () => {
    expect(neutraliseBidi(`abc${RLO}fdp.exe${PDF}`)).toBe('abcfdp.exe');
    expect(neutraliseBidi(`invoice${RLO}gpj.exe`)).toBe('invoicegpj.exe');
    expect(neutraliseBidi(`${LRO}שלום${PDF}`)).toBe('שלום');
  });

  it('removes embeddings and stray pop-directional-formatting characters', () => {
    expect(neutraliseBidi(`a ${RLE}b c${PDF} d`)).toBe('a b c d');
    expect(neutraliseBidi(`${LRE}x${PDF}${PDF}${PDF}`)).toBe('x');
  });

  it('keeps balanced isolates, nested ones too', () => {
    for (const text of [`${RLI}שלום${PDI} world`, `Hi ${FSI}Ana${PDI}!`, `${LRI}a ${RLI}ب${PDI} c${PDI}`]) {
      expect(neutraliseBidi(text)).toBe(text);
    }
  });

  it('removes an isolate left open, and a PDI that closes nothing', () => {
    expect(neutraliseBidi(`abc${RLI}fdp.exe`)).toBe('abcfdp.exe');
    expect(neutraliseBidi(`abc${PDI}def`)).toBe('abcdef');
    expect(neutraliseBidi(`${LRI}a${LRI}b${PDI}`)).toBe(`a${LRI}b${PDI}`);
    expect(neutraliseBidi(`${PDI}${RLI}x${PDI}${PDI}`)).toBe(`${RLI}x${PDI}`);
  });

  it('balances isolates per paragraph: one opened before a line break does not close after it', () => {
    expect(neutraliseBidi(`${RLI}a\nb${PDI}`)).toBe('a\nb');
    expect(neutraliseBidi(`${FSI}a\u2029b${PDI}`)).toBe('a\u2029b');
    expect(neutraliseBidi(`${RLI}a${PDI}\n${LRI}b${PDI}`)).toBe(`${RLI}a${PDI}\n${LRI}b${PDI}`);
  });

  it('leaves Arabic, Hebrew, marks and mixed text exactly as written', () => {
    const texts = [
      'مرحبا، أين طلبي رقم 1234؟',
      'שלום, ההזמנה שלי NL-10492 לא הגיעה.',
      'My order: طلب ١٢٣ arrived\u200F.',
      'ALM\u061C and LRM\u200E marks stay',
      'Hello 👋🏽 こんにちは',
      '',
    ];
    for (const text of texts) expect(neutraliseBidi(text)).toBe(text);
  });

  it('mixes: overrides go, balanced isolates stay, letters and emoji are untouched', () => {
    expect(neutraliseBidi(`${RLI}مرحبا${PDI} ${RLO}olleh${PDF} 👋🏽`)).toBe(`${RLI}مرحبا${PDI} olleh 👋🏽`);
  });
});
