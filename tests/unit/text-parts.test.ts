import { describe, expect, it } from 'vitest';
import { msgSecCheckMaxChars, textParts } from '../../functions/src/wechat/content-check';

describe('texts in parts for msg_sec_check', () => {
  it('keeps a text within the limit whole', () => {
    expect(textParts('短文')).toEqual(['短文']);
    const exact = '字'.repeat(msgSecCheckMaxChars);
    expect(textParts(exact)).toEqual([exact]);
  });

  it('splits a longer one into overlapping parts within the limit that cover every character', () => {
    const text = Array.from({ length: 6000 }, (_, i) => String.fromCodePoint(0x4e00 + (i % 500))).join('');
    const parts = textParts(text);
    expect(parts).toHaveLength(3);
    for (const p of parts) expect([...p].length).toBeLessThanOrEqual(msgSecCheckMaxChars);
    expect(parts[0]).toBe(text.slice(0, msgSecCheckMaxChars));
    expect(text.endsWith(parts.at(-1)!)).toBe(true);
    // A word across a boundary is whole in one part.
    const word = text.slice(msgSecCheckMaxChars - 3, msgSecCheckMaxChars + 3);
    expect(parts.some((p) => p.includes(word))).toBe(true);
  });

  it('counts characters, not UTF-16 units: an emoji is not cut in half', () => {
    const text = '😀'.repeat(msgSecCheckMaxChars + 1);
    for (const p of textParts(text)) expect(p.includes('\ud83d') && !/\ud83d(?!\ude00)/.test(p)).toBe(true);
  });
});
