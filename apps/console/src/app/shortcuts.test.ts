import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from './shortcuts.ts';

const body = { tagName: 'BODY' };

describe('shortcutFor', () => {
  it('maps the single keys', () => {
    expect(shortcutFor({ key: 'j', target: body })).toBe('next');
    expect(shortcutFor({ key: 'k', target: body })).toBe('prev');
    expect(shortcutFor({ key: 'Enter', target: body })).toBe('open');
    expect(shortcutFor({ key: 'e', target: body })).toBe('resolve');
    expect(shortcutFor({ key: 'a', target: body })).toBe('assign');
    expect(shortcutFor({ key: 'r', target: body })).toBe('reply');
    expect(shortcutFor({ key: '/', target: body })).toBe('search');
    expect(shortcutFor({ key: '?', target: body })).toBe('help');
    expect(shortcutFor({ key: 'x', target: body })).toBeNull();
  });

  it('stays off while typing in a field, with modifiers, and during IME composition', () => {
    expect(shortcutFor({ key: 'j', target: { tagName: 'TEXTAREA' } })).toBeNull();
    expect(shortcutFor({ key: 'e', target: { tagName: 'INPUT', type: 'search' } })).toBeNull();
    expect(shortcutFor({ key: '?', target: { tagName: 'DIV', isContentEditable: true } })).toBeNull();
    expect(shortcutFor({ key: 'a', target: { tagName: 'SELECT' } })).toBeNull();
    expect(shortcutFor({ key: 'a', ctrlKey: true, target: body })).toBeNull();
    expect(shortcutFor({ key: 'k', metaKey: true, target: body })).toBeNull();
    expect(shortcutFor({ key: 'j', isComposing: true, target: body })).toBeNull();
  });

  it('works from a checkbox or button, but leaves Enter to controls that handle it', () => {
    expect(shortcutFor({ key: 'j', target: { tagName: 'INPUT', type: 'checkbox' } })).toBe('next');
    expect(shortcutFor({ key: 'e', target: { tagName: 'BUTTON' } })).toBe('resolve');
    expect(shortcutFor({ key: 'Enter', target: { tagName: 'BUTTON' } })).toBeNull();
    expect(shortcutFor({ key: 'Enter', target: { tagName: 'A' } })).toBeNull();
  });

  it('knows text inputs from other inputs', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'email' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'radio' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
