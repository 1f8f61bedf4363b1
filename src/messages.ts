/**
 * eindred's own messages (not those of rules, which packs carry), in the language of the draft:
 * a Dutch journalist reads Dutch. English is the fallback for every other language.
 */

const MESSAGES = {
  uncheckedLanguage: {
    nl: 'Tekst in het {language} is niet gecontroleerd: geen regelpakket dekt die taal ({count} {blocks}, de eerste hier).',
    en: 'Text in {language} was not checked: no rule pack covers that language ({count} {blocks}, the first one here).',
  },
  undeterminedLanguage: {
    nl: 'De taal van deze tekst is niet te bepalen, dus er is niets gecontroleerd; geef ‘lang:’ op in de front matter of gebruik --lang.',
    en: 'The language of this text could not be determined, so nothing was checked; set ‘lang:’ in the front matter or use --lang.',
  },
  frontMatterYaml: {
    nl: 'De front matter is geen geldige YAML, dus de instellingen erin (lang, ai) tellen niet mee: {detail}',
    en: 'The front matter is not valid YAML, so its settings (lang, ai) are ignored: {detail}',
  },
  frontMatterNotMapping: {
    nl: 'De front matter moet uit regels ‘sleutel: waarde’ bestaan; nu telt hij niet mee.',
    en: 'The front matter must be key: value lines; it is ignored.',
  },
  provenance: {
    nl: 'Deze tekst draagt een herkomstmanifest (C2PA) mee dat vastlegt hoe hij is gemaakt: laat het staan.',
    en: 'This text carries a provenance manifest (C2PA) that records how it was made: keep it.',
  },
  suppressionWithoutReason: {
    nl: 'Deze uitzondering geeft geen reden. Schrijf na ‘--’ waarom de melding hier niet geldt: zo blijft het besluit na te gaan.',
    en: 'This suppression gives no reason. Write after ‘--’ why the finding does not apply here, so the decision stays on record.',
  },
  suppressionUnused: {
    nl: 'Deze uitzondering onderdrukt niets (meer): haal hem weg.',
    en: 'This suppression suppresses nothing (any more): remove it.',
  },
  invalidUtf8: {
    nl: 'Dit bestand is geen geldige UTF-8: onleesbare tekens zijn vervangen door �, de eerste hier. Sla het op als UTF-8.',
    en: 'This file is not valid UTF-8: unreadable bytes were replaced by �, the first one here. Save it as UTF-8.',
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;

const WORDS = {
  blocks: { nl: ['alinea', 'alinea’s'], en: ['paragraph', 'paragraphs'] },
} as const;

export function coreMessage(key: MessageKey, language: string, vars: Record<string, string | number> = {}): string {
  const lang = language === 'nl' ? 'nl' : 'en';
  const count = typeof vars.count === 'number' ? vars.count : 0;
  const all: Record<string, string | number> = { blocks: WORDS.blocks[lang][count === 1 ? 0 : 1], ...vars };
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => String(all[name] ?? whole));
}

/** "‘a’, ‘b’ of ‘c’" in the rule's language. */
export function formatList(items: readonly string[], language: string): string {
  const quoted = items.map((item) => `‘${item}’`);
  if (quoted.length <= 1) return quoted.join('');
  const last = quoted.pop()!;
  const or = language === 'nl' ? 'of' : language === 'de' ? 'oder' : language === 'fr' ? 'ou' : 'or';
  return `${quoted.join(', ')} ${or} ${last}`;
}
