import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { entryScreen } from './entry-logic.ts';
import { groupSecret, isCompleteCode, normaliseCode, qrRuns } from './totp-logic.ts';

describe('normaliseCode', () => {
  it('keeps digits only, at most six, so a pasted "123 456" or "123-456" fits', () => {
    expect(normaliseCode('123 456')).toBe('123456');
    expect(normaliseCode('123-456')).toBe('123456');
    expect(normaliseCode(' 12a3b4 ')).toBe('1234');
    expect(normaliseCode('1234567890')).toBe('123456');
    expect(normaliseCode('abc')).toBe('');
  });

  it('reads the full-width digits a Japanese or Chinese IME types', () => {
    expect(normaliseCode('１２３４５６')).toBe('123456');
    expect(normaliseCode('１２３ ４５6')).toBe('123456');
  });

  it('says a code is complete at exactly six digits', () => {
    expect(isCompleteCode('123456')).toBe(true);
    expect(isCompleteCode('12345')).toBe(false);
    expect(isCompleteCode('1234567')).toBe(false);
    expect(isCompleteCode('12345a')).toBe(false);
  });
});

describe('groupSecret', () => {
  it('groups the base32 secret in fours for typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
    expect(groupSecret('AB CD EF')).toBe('ABCD EF');
    expect(groupSecret('')).toBe('');
  });
});

describe('qrRuns', () => {
  it('turns each row into runs of dark modules', () => {
    const matrix = [
      [true, true, false, true],
      [false, false, false, false],
      [false, true, true, true],
    ];
    expect(qrRuns(matrix)).toEqual([
      { x: 0, y: 0, width: 2 },
      { x: 3, y: 0, width: 1 },
      { x: 1, y: 2, width: 3 },
    ]);
  });

  it('covers exactly the dark modules of a real otpauth QR code', () => {
    const { data, size } = encode('otpauth://totp/Parley:ana%40shop.example?secret=JBSWY3DPEHPK3PXP&issuer=Parley', { ecc: 'M', border: 4 });
    const painted = data.map((row) => row.map(() => false));
    for (const run of qrRuns(data)) {
      for (let x = run.x; x < run.x + run.width; x++) {
        expect(painted[run.y]![x], `painted twice at ${x},${run.y}`).toBe(false);
        painted[run.y]![x] = true;
      }
    }
    expect(painted).toEqual(data);
    // The quiet zone (four modules each side) stays light.
    expect(data[0]!.some(Boolean)).toBe(false);
    expect(data[size - 1]!.some(Boolean)).toBe(false);
    expect(qrRuns(data).every((run) => run.x >= 4 && run.x + run.width <= size - 4)).toBe(true);
  });
});

describe('entryScreen', () => {
  it('shows the setup step only while two-factor is mandatory and not set up', () => {
    expect(entryScreen({ isTotpSetupRequired: true })).toBe('totp-setup');
    expect(entryScreen({ isTotpSetupRequired: false })).toBe('console');
  });
});
