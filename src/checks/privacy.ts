import type { MapReader } from '../packs/data-reader.js';
import { isWordUnit } from '../language/tokens.js';
import type { ActiveRule, CheckKind, Hit, KindSettings } from './types.js';

/**
 * `kind: privacy`: personal data that must not go out. Numbers are validated, not just shaped: a
 * BSN must pass the 11-proef, an IBAN its mod-97 check, so that an ordinary nine-digit number is
 * left alone. Published numbers and addresses (a press desk, a tip line, an organisation's e-mail
 * domain) go on the `allow` list of the `privacy:` settings. Reports show matches masked.
 */

export const PRIVACY_CHECKS = ['bsn', 'iban', 'phone', 'email', 'licence-plate'] as const;
export type PrivacyCheck = (typeof PRIVACY_CHECKS)[number];

export interface PrivacyOptions {
  check: PrivacyCheck;
}

export interface PrivacySettings {
  /** Numbers, addresses and `@domains` that may be published. */
  allow: string[];
}

/**
 * How allowed values and found ones are compared: lower case, letters and digits only, and a Dutch
 * number written internationally in its national form (+31 (0)20 … and 0031 20 … are 020 …).
 */
function normalize(value: string): string {
  return value
    .toLowerCase()
    .replace(/\(0\)/g, '')
    .replace(/^\s*(?:\+|00)\s*31/, '0')
    .replace(/^\+|^00/, '')
    .replace(/[^a-z0-9@.\u00C0-\u024F]/g, '');
}

function digits(value: string): string {
  return value.replace(/\D/g, '');
}

/** The Dutch 11-proef for a BSN: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11. */
export function passesElevenTest(value: string): boolean {
  const d = digits(value);
  if (d.length !== 9 || /^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}

/** IBAN lengths by country (ISO 13616 registry). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

/** An IBAN with the right length for its country and a valid mod-97 check. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s/g, '').toUpperCase();
  if (IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

type Detector = (text: string) => [number, number][];

/** A letter or digit: what a number or address may not be glued to. */
function isWordChar(char: string): boolean {
  return isWordUnit(char.charCodeAt(0));
}

/** Matches that do not continue what stands before them (`notAfter`), and that `valid` accepts. */
function matches(
  regex: RegExp,
  text: string,
  valid: (match: string, start: number) => boolean,
  notAfter: (char: string) => boolean = isWordChar,
): [number, number][] {
  const found: [number, number][] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m.index > 0 && notAfter(text[m.index - 1]!)) {
      regex.lastIndex = m.index + 1;
      continue;
    }
    if (valid(m[0], m.index)) found.push([m.index, m.index + m[0].length]);
  }
  return found;
}

/** Words after a number that make it an amount or a count, not an identity number. */
const AMOUNT_AFTER =
  /^\s?(?:euro|eur|dollar|usd|pond|gbp|€|\$|inwoners|mensen|personen|kilometer|km|ton|liter|stuks|keer|people|residents|times)\b/i;

// No lookbehinds at the start of these expressions: V8 would then try every position the slow
// way. What may not stand before a match is checked by `notAfter` instead. No Unicode property
// classes either: each costs V8 a fraction of a millisecond to compile, at every start-up; Latin
// letters stand in for them, which is all a number or an address is glued to in practice.
const BSN = /(?:\d{9}|\d{3}[. ]\d{3}[. ]\d{3}|\d{4}[. ]\d{2}[. ]\d{3})(?!\d|[.,]\d)/g;
// An IBAN printed in groups of four may wrap onto the next line; the checksum keeps that safe.
const IBAN = /[A-Z]{2}\d{2}(?:[ \n]?[A-Z0-9]{4}){2,7}(?:[ \n]?[A-Z0-9]{1,3})?(?![A-Za-z0-9\u00C0-\u024F])/g;
const PHONE =
  /(?:(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(0\)[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}|\(?0[1-9]\d{0,3}\)?[ .-]?\d{2,4}(?:[ .-]?\d{2,4}){1,3})(?![A-Za-z0-9\u00C0-\u024F])/g;
const EMAIL = /[\w.%+\u00C0-\u024F-]+@[\w\u00C0-\u024F-]+(?:\.[\w\u00C0-\u024F-]+)*\.[A-Za-z\u00C0-\u024F]{2,}/g;
/** Dutch licence plates, side codes 1 to 14: X a letter (no vowels), 9 a digit. */
const SIDE_CODES = [
  'XX-99-99',
  '99-99-XX',
  '99-XX-99',
  'XX-99-XX',
  'XX-XX-99',
  '99-XX-XX',
  '99-XXX-9',
  '9-XXX-99',
  'XX-999-X',
  'X-999-XX',
  'XXX-99-X',
  'X-99-XXX',
  '9-XX-999',
  '999-XX-9',
];
const SIDE_CODE_SET = new Set(SIDE_CODES);
/** Three groups of plate letters and digits: the side code is checked on what this finds. */
const PLATE =
  /[BCDFGHJKLMNPRSTVWXYZ\d]{1,3}-[BCDFGHJKLMNPRSTVWXYZ\d]{1,3}-[BCDFGHJKLMNPRSTVWXYZ\d]{1,3}(?![A-Za-z0-9\u00C0-\u024F-])/g;

/** Whether a plate-like text follows one of the side codes: "GV-123-B" → "XX-999-X". */
function isSideCode(plate: string): boolean {
  return SIDE_CODE_SET.has(plate.replace(/\d/g, '9').replace(/[A-Z]/g, 'X'));
}

/** Each check, with a cheap test that the text can hold a match at all. */
const DETECTORS: Record<PrivacyCheck, Detector> = {
  bsn: (text) =>
    /\d{3}/.test(text)
      ? matches(
          BSN,
          text,
          (match, start) =>
            passesElevenTest(match) &&
            !AMOUNT_AFTER.test(text.slice(start + match.length)) &&
            !/[€$£]\s?$/.test(text.slice(0, start)),
          (char) => isWordChar(char) || '.,-/'.includes(char),
        )
      : [],
  iban: (text) => (/[A-Z]{2}\d{2}/.test(text) ? matches(IBAN, text, (match) => isValidIban(match)) : []),
  phone: (text) =>
    /\d{2}/.test(text)
      ? matches(
          PHONE,
          text,
          (match) => {
            const compact = match.replace(/[\s().-]/g, '');
            const count = digits(compact).length;
            // International: 8 to 15 digits after + or 00. Dutch: ten digits, starting with one 0.
            if (compact.startsWith('+') || compact.startsWith('00')) return count >= 8 && count <= 15;
            return count === 10 && /^0[1-9]/.test(compact);
          },
          (char) => isWordChar(char) || char === '+',
        )
      : [],
  email: (text) =>
    text.includes('@')
      ? matches(
          EMAIL,
          text,
          () => true,
          () => false,
        )
      : [],
  'licence-plate': (text) =>
    text.includes('-') ? matches(PLATE, text, isSideCode, (char) => isWordChar(char) || char === '-') : [],
};

const settings: KindSettings<PrivacySettings> = {
  defaults: () => ({ allow: [] }),
  read(map: MapReader) {
    map.allowOnly(['allow'], 'the privacy settings');
    const allow = map.stringList('allow');
    return allow ? { allow } : {};
  },
  merge: (base, over) => ({ allow: [...base.allow, ...(over.allow ?? [])] }),
};

export const privacyCheck: CheckKind<PrivacyOptions, PrivacySettings> = {
  description: 'personal data: BSN (11-proef), IBAN (mod 97), phone numbers, e-mail addresses, licence plates',
  keys: ['check'],
  settings,

  readOptions(rule) {
    const check = rule.oneOf('check', PRIVACY_CHECKS);
    if (!check && !rule.has('check')) rule.issue(null, `a privacy rule needs ‘check’: one of ${PRIVACY_CHECKS.join(', ')}`);
    return check ? { check } : undefined;
  },

  compile(rules: readonly ActiveRule<PrivacyOptions>[], _language: string, config: PrivacySettings) {
    const allowed = new Set(config.allow.filter((a) => !a.startsWith('@')).map(normalize));
    const domains = config.allow.filter((a) => a.startsWith('@')).map((a) => a.toLowerCase());
    const isAllowed = (value: string): boolean => {
      if (allowed.has(normalize(value))) return true;
      const lower = value.toLowerCase();
      return domains.some((domain) => lower.endsWith(domain));
    };
    const byCheck = new Map<PrivacyCheck, ActiveRule<PrivacyOptions>[]>();
    for (const rule of rules) byCheck.set(rule.spec.options.check, [...(byCheck.get(rule.spec.options.check) ?? []), rule]);
    return {
      block(block, emit: (hit: Hit) => void) {
        if (block.kind === 'url' || !/\d|@/.test(block.text)) return;
        // In this order, and each place only once: the digits of an IBAN are no phone number.
        const taken: [number, number][] = [];
        for (const check of PRIVACY_CHECKS) {
          for (const [start, end] of DETECTORS[check](block.text)) {
            if (taken.some(([s, e]) => s < end && start < e)) continue;
            taken.push([start, end]);
            if (isAllowed(block.text.slice(start, end))) continue;
            for (const rule of byCheck.get(check) ?? []) emit({ rule, start, end });
          }
        }
      },
    };
  },
};
