/**
 * Quantities: counts ("1,000 military personnel", "three soldiers", "a dozen drones") and money
 * ("over $100 million", "1.5bn euros", "US$ 40 billion") with their unit and qualifier.
 *
 * The span is the number expression alone — symbol, digits or number words, scale — so "over
 * $100 million" gives the span "$100 million" with qualifier "over", and "1,000 military
 * personnel" the span "1,000" with unit "personnel" (how the gold is written).
 *
 * Policies (documented in README):
 * - count units are the plural noun news writes after a number ("troops", "people"), from
 *   data/units/count-nouns.json; an unknown plural noun is kept as written, with lower confidence;
 * - percentages, durations ("24-hour", "two days"), ordinals, clock times, labels ("Air Base
 *   201", "Resolution 2334"), years and phone numbers are not quantities;
 * - vague amounts ("dozens of", "thousands of") are skipped;
 * - a range ("1,500 to 2,000 jobs", "between 10 and 20 drones") gives two quantities with the same
 *   unit: the low end with qualifier "over", the high end with "under".
 */
import type { QuantityAnn, Token } from '../pipeline/doc.js';
import { unitLexicon, type Qualifier } from './unit-lexicon.js';
import { loadData } from '../data/load.js';
import { z } from 'zod';

const NonUnitsFile = z.object({ nonUnits: z.array(z.object({ word: z.string().min(1), example: z.string().min(1) })) });
let nonUnits: Set<string> | null = null;
function nonUnit(word: string): boolean {
  nonUnits ??= new Set(loadData('units/non-units.json', NonUnitsFile).nonUnits.map((n) => n.word));
  const w = word.toLowerCase();
  return nonUnits.has(w) || nonUnits.has(w.replace(/(?:ie)?s$/, (x) => (x === 'ies' ? 'y' : ''))) || nonUnits.has(w.replace(/ies$/, 'y'));
}

let master: RegExp | null = null;
/**
 * One regex for every number expression: optional currency symbol, digits or number words,
 * optional scale. Single-letter scales ("$5m", "$2b", "$50k") must be attached to the digits.
 */
function numberRe(): RegExp {
  if (master) return master;
  const lex = unitLexicon();
  const words = lex.numberWordRe;
  const wordScales = [...lex.scale.keys()].filter((k) => k.length > 1);
  const letterScales = [...lex.scale.keys()].filter((k) => k.length === 1);
  master = new RegExp(
    `(?<![\\p{L}\\p{N}.,/:#+_-])` +
    `(?:(?<sym>${lex.symbolRe})[ \\u00a0]?)?` +
    `(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|(?:(?:a|an|${words})[- ])*(?:${words})|an?(?=[ \\u00a0](?:${wordScales.join('|')})\\b))` +
    `(?<scale>[ \\u00a0]?(?:${wordScales.sort((a, b) => b.length - a.length).join('|')})\\b|(?:${letterScales.join('|')})\\b)?`,
    'giu');
  return master;
}

/** "twenty-five" → 25, "two hundred" → 200, "a dozen" → 12, "two dozen" → 24. */
export function wordsToNumber(s: string): number | null {
  const lex = unitLexicon();
  let total = 0, current = 0, any = false;
  for (const w of s.toLowerCase().split(/[- ]+/)) {
    if (w === 'a' || w === 'an') { current = current || 1; continue; }
    if (w === 'hundred') { current = (current || 1) * 100; any = true; continue; }
    if (w === 'dozen') { current = (current || 1) * 12; any = true; continue; }
    const v = lex.numberWord.get(w);
    if (v === undefined) return null;
    current += v; any = true;
  }
  total += current;
  return any ? total : null;
}

interface RawNumber {
  start: number; end: number; value: number; money: string | null; hasScale: boolean;
  isWords: boolean; digits: string;
}

export interface QuantityContext {
  text: string;
  tokens: Token[];
  /** token range of the sentence */
  tokStart: number;
  tokEnd: number;
  sentStart: number;
  sentEnd: number;
  /** spans already taken by times ("in 2023", "24 February 2022") */
  inTime(start: number, end: number): boolean;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

function rawNumbers(ctx: QuantityContext): RawNumber[] {
  const lex = unitLexicon();
  const re = numberRe();
  const sentence = ctx.text.slice(ctx.sentStart, ctx.sentEnd);
  const out: RawNumber[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence))) {
    const g = m.groups!;
    const start = ctx.sentStart + m.index, end = start + m[0].length;
    const after = ctx.text.slice(end, Math.min(ctx.sentEnd, end + 12));
    const isWords = !/^\d/.test(g.num);
    // "F-16", "24-hour", "3:30", "12.53%", "1st", "555-0100", "2 000": not a quantity
    if (!isWords && /^(?:[\p{L}\p{N}%]|-\p{L}|[-:/]\d|\s\d|\s*(?:percent|per\s*cent)\b)/u.test(after) && !g.scale) continue;
    if (isWords && /^-\p{L}/u.test(after)) continue; // "fifty-year"
    const value = isWords ? (/^an?$/i.test(g.num) ? 1 : wordsToNumber(g.num)) : Number(g.num.replace(/,/g, ''));
    if (value === null || !Number.isFinite(value)) continue;
    // "a"/"an" alone are articles, not numbers
    if (isWords && /^an?$/i.test(g.num.trim()) && !g.scale) continue;
    const scaleWord = g.scale?.trim().toLowerCase();
    const scale = scaleWord ? lex.scale.get(scaleWord) ?? 1 : 1;
    let money = g.sym ? lex.symbol.get(g.sym) ?? null : null;
    // a letter scale only reads as a scale for money ("$5m"); "5m" alone is five metres
    if (scaleWord && scaleWord.length === 1 && !money) continue;
    out.push({ start, end, value: round(value * scale), money, hasScale: !!scaleWord, isWords, digits: g.num });
  }
  return out;
}

/** Index of the first token starting at or after `off` in the sentence. */
function tokenAt(ctx: QuantityContext, off: number): number {
  let i = ctx.tokStart;
  while (i < ctx.tokEnd && ctx.tokens[i].start < off) i++;
  return i;
}

const MODIFIER_POS = new Set(['ADJ', 'PROPN', 'NUM']);
/**
 * The counted noun after a number: skip modifiers ("military", "US", "new aerial refueling")
 * and take the last noun of the noun group. Returns the unit and whether the lexicon knew it.
 */
function countedNoun(ctx: QuantityContext, end: number, value: number): { unit: string; known: boolean; endTok: number } | null {
  const lex = unitLexicon();
  const t = ctx.tokens;
  let i = tokenAt(ctx, end);
  let head: { unit: string; known: boolean; endTok: number } | null = null;
  for (let steps = 0; i < ctx.tokEnd && steps < 6; steps++) {
    // multi-word forms first ("service members", "armored vehicles")
    let matched = false;
    for (let n = Math.min(lex.maxNounWords, ctx.tokEnd - i); n >= 1; n--) {
      const phrase = t.slice(i, i + n).map((x) => x.norm).join(' ');
      const unit = lex.countNoun.get(phrase);
      if (unit && !(n === 1 && t[i].pos === 'ADJ' && t[i + 1]?.pos === 'NOUN')) {
        head = { unit, known: true, endTok: i + n };
        i += n; matched = true; break;
      }
    }
    if (matched) {
      // a singular known noun followed by another noun is a modifier: "drone base", "tank crews"
      // (plurals are heads even when wink tags the next word a noun: "drones shot down")
      if (i < ctx.tokEnd && t[i].pos === 'NOUN' && !/s$/.test(t[i - 1].norm)) { head = null; continue; }
      return head;
    }
    const tok = t[i];
    if (tok.pos === 'NOUN') {
      if (i + 1 < ctx.tokEnd && t[i + 1].pos === 'NOUN') { i++; continue; }
      if (nonUnit(tok.norm)) return null;
      const plural = tok.norm !== tok.lemma && /s$/.test(tok.norm);
      if (!plural || value === 1) return null;
      return { unit: tok.norm, known: false, endTok: i + 1 };
    }
    const participle = tok.pos === 'VERB' && /(?:ing|ed)$/.test(tok.norm) && t[i + 1]?.pos === 'NOUN';
    const adverbModifier = tok.pos === 'ADV' && (/^(?:more|additional|other)$/.test(tok.norm) || /^(?:ADJ|NOUN|NUM|PROPN)$/.test(t[i + 1]?.pos ?? ''));
    if (MODIFIER_POS.has(tok.pos) || participle || adverbModifier) { i++; continue; }
    return null;
  }
  return null;
}

function currencyAfter(ctx: QuantityContext, end: number): { code: string; end: number } | null {
  const lex = unitLexicon();
  const m = new RegExp(`^[ \\u00a0]+(${lex.currencyWordRe})\\b`, 'i').exec(ctx.text.slice(end, Math.min(ctx.sentEnd, end + 30)));
  if (!m) return null;
  // codes are upper-case in text ("300 million EUR"); words any case
  const w = m[1];
  if (/^[a-z]{3}$/i.test(w) && w !== w.toUpperCase() && !lex.currencyWord.has(w.toLowerCase())) return null;
  const code = lex.currencyWord.get(w.toLowerCase());
  return code ? { code, end: end + m[0].length } : null;
}

function qualifierBefore(ctx: QuantityContext, start: number): Qualifier | null {
  const lex = unitLexicon();
  const before = ctx.text.slice(Math.max(ctx.sentStart, start - 30), start);
  const m = new RegExp(`(?:^|[^\\p{L}])(${lex.qualifierRe})[ \\u00a0]+$`, 'iu').exec(before);
  return m ? lex.qualifier.get(m[1].toLowerCase().replace(/\s+/g, ' ')) ?? null : null;
}

/**
 * A capitalised noun or name right before a number labels it: "Air Base 201", "Resolution 2334",
 * "Boeing 737", "Apollo 11". A capitalised function word does not ("The 20 soldiers", "Some 1,000").
 */
function isLabel(ctx: QuantityContext, start: number): boolean {
  let i = tokenAt(ctx, start) - 1;
  if (i < ctx.tokStart) return false;
  const prev = ctx.tokens[i];
  if (ctx.text.slice(prev.end, start).trim() !== '') return false;
  if (!/^\p{Lu}/u.test(prev.text)) return false;
  if (unitLexicon().qualifier.has(prev.norm)) return false;
  return prev.pos === 'PROPN' || prev.pos === 'NOUN' || prev.pos === 'X';
}

/** The unit a number takes from what follows it: a currency word, or a counted noun. */
function unitAfter(ctx: QuantityContext, r: RawNumber): { unit: string; rule: string; confidence: number; end: number } | null {
  if (r.money) return { unit: r.money, rule: 'quantity.money.symbol', confidence: 0.9, end: r.end };
  const cur = currencyAfter(ctx, r.end);
  if (cur) return { unit: cur.code, rule: 'quantity.money.word', confidence: 0.9, end: cur.end };
  const yearLike = !r.isWords && !r.hasScale && /^(1[6-9]|20)\d\d$/.test(r.digits);
  const noun = countedNoun(ctx, r.end, r.value);
  // "2023 elections" is a year; "2000 troops" a count
  if (!noun || (yearLike && !noun.known)) return null;
  const end = ctx.tokens[noun.endTok - 1].end;
  return noun.known
    ? { unit: noun.unit, rule: 'quantity.count', confidence: 0.85, end }
    : { unit: noun.unit, rule: 'quantity.count.unlisted-noun', confidence: 0.6, end };
}

/**
 * Every quantity in one sentence.
 * @example "The US has 1,000 military personnel there." → [{ text: "1,000", value: 1000, unit: "personnel" }]
 */
export function sentenceQuantities(ctx: QuantityContext): QuantityAnn[] {
  const lex = unitLexicon();
  const out: QuantityAnn[] = [];
  const raws = rawNumbers(ctx).filter((r) => !ctx.inTime(r.start, r.end));
  let highEnd: { unit: string; rule: string; confidence: number } | null = null;
  // a number inside the noun group of the previous quantity is a modifier: "five new 737 aircraft"
  let consumedUntil = -1;
  for (let k = 0; k < raws.length; k++) {
    const r = raws[k];
    if (r.start < consumedUntil && !highEnd) continue;
    const text = ctx.text.slice(r.start, r.end);
    if (highEnd) {
      out.push({ start: r.start, end: r.end, text, value: r.value, unit: r.money ?? highEnd.unit, qualifier: 'under',
        rule: `${highEnd.rule}.range-high`, confidence: highEnd.confidence });
      highEnd = null;
      continue;
    }
    if (!r.money && isLabel(ctx, r.start)) continue;
    // "the two countries", "their three sons": a definite number word refers back, it does not count
    if (r.isWords && /\b(?:the|these|those|its|their|his|her|our|both)[ \u00a0]+$/i.test(ctx.text.slice(Math.max(ctx.sentStart, r.start - 8), r.start))) continue;
    // "dozens of", "thousands of": vague, skipped; "one of them": no unit
    if (!r.money && /^\s+of\b/i.test(ctx.text.slice(r.end, Math.min(ctx.sentEnd, r.end + 8)))) continue;
    const next = raws[k + 1];
    const joiner = next ? ctx.text.slice(r.end, next.start) : '';
    const isRange = !!next && (/^\s*(?:to|–)\s*$/i.test(joiner) ||
      (/^\s*and\s*$/i.test(joiner) && /\bbetween\s+\S*\s?$/i.test(ctx.text.slice(Math.max(ctx.sentStart, r.start - 12), r.start))));
    if (isRange) {
      // "1,500 to 2,000 jobs", "between 10 and 20 drones", "1.5 to 2 billion dollars":
      // the low end takes the high end's unit and scale
      const u = (r.money || currencyAfter(ctx, r.end)) ? unitAfter(ctx, r) : unitAfter(ctx, next);
      if (!u) continue;
      let low = r.value;
      if (!r.hasScale && next.hasScale) {
        const sm = /(\S+)$/.exec(ctx.text.slice(next.start, next.end));
        low = round(r.value * (lex.scale.get(sm![1].toLowerCase()) ?? 1));
      }
      out.push({ start: r.start, end: r.end, text, value: low, unit: r.money ?? u.unit, qualifier: qualifierBefore(ctx, r.start) ?? 'over',
        rule: `${u.rule}.range-low`, confidence: u.confidence - 0.05 });
      highEnd = u;
      continue;
    }
    const u = unitAfter(ctx, r);
    if (!u) continue;
    consumedUntil = u.end;
    out.push({ start: r.start, end: r.end, text, value: r.value, unit: u.unit, qualifier: qualifierBefore(ctx, r.start), rule: u.rule, confidence: u.confidence });
  }
  return out;
}
