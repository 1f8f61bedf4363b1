import { isUpper, type Span } from './sentences.js';

/**
 * Direct quotes in a block of prose: „…”, “…”, "…", ‘…’, '…', «…» and ,,…'' (old Dutch
 * typesetting). A span covers the quote marks and what stands between them. Apostrophes (auto's,
 * zo'n, ’s avonds) are told apart from quote marks by the letters around them. A quote opened by an
 * unambiguous mark and not closed runs to the end of the block: in news, a quote that goes on in the
 * next paragraph leaves its closing mark off.
 */

type Kind = 'double' | 'straightDouble' | 'single' | 'straightSingle' | 'guillemet';

interface Open {
  kind: Kind;
  start: number;
}

const MARKS = /,,|''|[„“”"‘’'«»‹›]/g;
const LETTER = /[\p{L}\p{N}]/u;
/** Dutch clitics written with an apostrophe: 's avonds, 't huis, 'n man. */
const CLITIC = /^'[stn](?![\p{L}\p{N}])/u;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

function opensAt(text: string, at: number, width: number): boolean {
  const before = text[at - 1];
  const after = text[at + width];
  const beforeOk = before === undefined || /[\s([{—–-]/u.test(before);
  return beforeOk && after !== undefined && !/\s/u.test(after);
}

function closesAt(text: string, at: number, width: number): boolean {
  const before = text[at - 1];
  const after = text[at + width];
  return before !== undefined && !/\s/u.test(before) && !isLetter(after);
}

export function findQuotes(text: string): Span[] {
  if (!/[„“”"‘’'«»‹›]|,,/.test(text)) return [];
  const spans: Span[] = [];
  const open: Open[] = [];
  const close = (kind: Kind | Kind[], end: number): boolean => {
    const kinds = Array.isArray(kind) ? kind : [kind];
    for (let i = open.length - 1; i >= 0; i--) {
      if (kinds.includes(open[i]!.kind)) {
        spans.push({ start: open[i]!.start, end });
        open.splice(i);
        return true;
      }
    }
    return false;
  };
  const isOpen = (kind: Kind): boolean => open.some((o) => o.kind === kind);

  MARKS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKS.exec(text)) !== null) {
    const mark = m[0];
    const at = m.index;
    const end = at + mark.length;
    switch (mark) {
      case '„':
      case '«':
      case '‹':
        open.push({ kind: mark === '„' ? 'double' : 'guillemet', start: at });
        break;
      case ',,':
        if (opensAt(text, at, 2)) open.push({ kind: 'double', start: at });
        break;
      case '“':
        if (isOpen('double') && closesAt(text, at, 1)) close('double', end);
        else open.push({ kind: 'double', start: at });
        break;
      case '”':
        if (!close('double', end) && opensAt(text, at, 1)) open.push({ kind: 'double', start: at });
        break;
      case "''":
        if (!close('double', end) && isOpen('straightSingle')) close('straightSingle', end);
        break;
      case '"':
        if (isOpen('straightDouble') && closesAt(text, at, 1)) close('straightDouble', end);
        else if (opensAt(text, at, 1)) open.push({ kind: 'straightDouble', start: at });
        break;
      case '»':
      case '›':
        close('guillemet', end);
        break;
      case '‘':
        if (!isLetter(text[at - 1])) open.push({ kind: 'single', start: at });
        break;
      case '’':
        if (isOpen('single') && closesAt(text, at, 1)) close('single', end);
        break;
      case "'":
        if (isOpen('straightSingle') && closesAt(text, at, 1)) close('straightSingle', end);
        else if (opensAt(text, at, 1) && !CLITIC.test(text.slice(at, at + 3))) {
          open.push({ kind: 'straightSingle', start: at });
        }
        break;
    }
  }
  for (const o of open) {
    if (o.kind === 'double' || o.kind === 'guillemet') spans.push({ start: o.start, end: text.length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

export function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const span of spans) {
    if (span.start <= start && end <= span.end) return true;
    if (span.start > start) break;
  }
  return false;
}

/**
 * Words that report speech or name where words come from, per language, lower case: "zegt ze",
 * "aldus de minister", "merkte op", "said", "remarked", "the statement reads". Verbs in the forms
 * news uses (present, past, participle; English -ing), and the nouns of written sources. Not
 * "comment": news uses it for what nobody gave ("a request for comment", "declined to comment").
 */
const SPEECH_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  nl: new Set(
    (
      'zeg zegt zeggen zei zeiden gezegd aldus volgens vertel vertelt vertellen vertelde vertelden verteld ' +
      'verklaart verklaarde verklaarden verklaard stelt stelde stelden antwoordt antwoordde antwoordden ' +
      'geantwoord vraagt vroeg vroegen gevraagd schrijft schreef schreven geschreven meldt meldde meldden ' +
      'roept riep riepen benadrukt benadrukte reageert reageerde reageerden weten uitleg legt legde ' +
      'waarschuwt waarschuwde tweette twitterde citeert citeerde bevestigt bevestigde erkent erkende ' +
      'beweert beweerde claimt claimde voegt voegde vindt vond denkt dacht ' +
      'merkt merkte opgemerkt noemt noemde noemden genoemd omschrijft omschreef omschreven beschrijft ' +
      'beschreef vervolgt vervolgde spreekt sprak spraken gesproken praat praatte concludeert ' +
      'concludeerde onderstreept onderstreepte verzucht verzuchtte klaagt klaagde juicht juichte ' +
      'lichtte toegelicht meent meende belooft beloofde pleit pleitte betoogt betoogde ' +
      'vermeldt vermeldde luidt luidde kopt kopte citaat verklaring persbericht interview ' +
      'brief tweet bericht toespraak opmerking staat lezen leest las zwoer zweert communiceert communiceerde'
    ).split(' '),
  ),
  en: new Set(
    (
      'say says said saying tell tells told telling according ask asks asked asking reply replies replied ' +
      'add adds added adding write writes wrote written writing state states stated stating explain explains ' +
      'explained explaining note notes noted noting declare declares declared declaring insist insists insisted ' +
      'argue argues argued arguing claim claims claimed admit admits admitted tweet tweets tweeted posted ' +
      'recall recalls recalled warn warns warned respond responds responded answer answers answered quoted ' +
      'confirm confirms confirmed remark remarks remarked comments commented continue continues ' +
      'continued stress stresses stressed emphasise emphasised emphasize emphasized describe describes described ' +
      'describing call calls called calling characterise characterised characterize characterized recount ' +
      'recounts recounted exclaim exclaims exclaimed shout shouted scream screamed screaming quip quipped ' +
      'joke joked concede conceded acknowledge acknowledged assert asserted allege alleged suggest suggested ' +
      'urge urged urging observe observed mention mentioned agree agreed disagree disagreed conclude concluded ' +
      'testify testified report reports reported announce announces announced react reacted defend defended ' +
      'criticise criticised criticize criticized praise praised laud lauded hail hailed condemn condemned ' +
      'denounce denounced vow vowed promise promised speak speaks spoke spoken speaking talk talks talked ' +
      'inform informs informed think thinks thought wonder wondered read reads statement interview letter speech ' +
      'message release'
    ).split(' '),
  ),
};

/**
 * What undoes a reporting verb: nobody speaks in "did not respond", "has not confirmed", "declined
 * to comment" or "reageerde niet". English: one of the two words before the verb. Dutch: one of the
 * three words after a verb of answering or confirming ("bevestigde het nog niet"), not after any verb:
 * "zei niet te weten" is still speech.
 */
type Negation = { before: ReadonlySet<string> } | { after: ReadonlySet<string>; verbs: ReadonlySet<string> };

const NEGATIONS: Readonly<Record<string, Negation>> = {
  nl: {
    after: new Set(['niet', 'nooit']),
    verbs: new Set('reageert reageerde reageerden antwoordt antwoordde antwoordden bevestigt bevestigde bevestigden'.split(' ')),
  },
  en: {
    before: new Set(
      "not never didn't doesn't don't hasn't haven't hadn't won't wouldn't couldn't declined refused failed".split(' '),
    ),
  },
};

/** Whether the reporting verb `words[i]` is negated (see NEGATIONS) by words outside the quote. */
function negated(lower: string, words: readonly Span[], i: number, quote: Span, language: string): boolean {
  const negations = NEGATIONS[language];
  if (!negations) return false;
  // '"… Not ours", said Jorgensen.': the quote's own words do not negate the verb.
  const at = (j: number): string | undefined => {
    const word = words[j];
    return word && (word.end <= quote.start || word.start >= quote.end) ? lower.slice(word.start, word.end) : undefined;
  };
  const any = (set: ReadonlySet<string>, ...near: (string | undefined)[]) =>
    near.some((word) => word !== undefined && set.has(word));
  if ('before' in negations) return any(negations.before, at(i - 1), at(i - 2));
  const verb = at(i);
  if (verb !== undefined && negations.verbs.has(verb)) return any(negations.after, at(i + 1), at(i + 2), at(i + 3));
  return false;
}

/** Who is speaking when a pronoun introduces a quote: "Ze vervolgde: „…”", "In his message, he …:". */
const PRONOUNS: Readonly<Record<string, ReadonlySet<string>>> = {
  nl: new Set('ik hij zij ze we wij jij je u hun haar'.split(' ')),
  en: new Set('i he she they we his her their'.split(' ')),
};

/**
 * How a quote stands in its sentence (the one that `sentenceStart` begins): `alone` when it opens
 * the sentence, `introduced` after a colon, comma or dash ("Hij zei: „…”", "She added, “…”"), and
 * `woven` when the writer's sentence runs into it ("noemde het plan ‘een ramp voor de regio’").
 */
export function quotePlacement(text: string, quote: Span, sentenceStart: number): 'alone' | 'introduced' | 'woven' {
  let at = quote.start;
  while (at > sentenceStart && /\s/.test(text[at - 1]!)) at--;
  if (at <= sentenceStart) return 'alone';
  return /[:,\u2013\u2014-]/.test(text[at - 1]!) ? 'introduced' : 'woven';
}

/**
 * Whether a quote is someone's speech: a word that reports speech stands outside the quote in the
 * same sentence or the one before or after it ("„…”, zegt ze." / "Hij zei: „…”"), or the quote
 * follows a colon after a lead-in that names someone ("Jansen van de FNV over de cao: „…”", "Ze
 * vervolgde: „…”"). Words merely put in quotation marks, with nobody speaking, are not a direct
 * quote.
 */
export function isAttributed(
  text: string,
  lower: string,
  quote: Span,
  sentences: readonly Span[],
  language: string,
  words: (from: number, to: number) => readonly Span[],
): boolean {
  const speech = SPEECH_WORDS[language] ?? SPEECH_WORDS.en!;
  let first = sentences.findIndex((s) => s.end > quote.start);
  if (first < 0) first = sentences.length - 1;
  let last = first;
  while (last + 1 < sentences.length && sentences[last + 1]!.start < quote.end) last++;
  const from = sentences[Math.max(0, first - 1)]?.start ?? 0;
  const to = sentences[Math.min(sentences.length - 1, last + 1)]?.end ?? text.length;
  const around = words(from, to);
  for (let i = 0; i < around.length; i++) {
    const word = around[i]!;
    if (word.start >= quote.start && word.end <= quote.end) continue;
    if (speech.has(lower.slice(word.start, word.end)) && !negated(lower, around, i, quote, language)) return true;
  }
  const sentenceStart = Math.min(sentences[first]?.start ?? 0, quote.start);
  return colonAfterSpeaker(text, lower, quote, sentenceStart, language, words);
}

/**
 * A colon before the quote, after a lead-in that names someone: a name ("Jansen: „…”", or a capital
 * after the lead-in's first word: "Wethouder Bos over de sluiting: „…”") or a pronoun.
 */
function colonAfterSpeaker(
  text: string,
  lower: string,
  quote: Span,
  sentenceStart: number,
  language: string,
  words: (from: number, to: number) => readonly Span[],
): boolean {
  if (!text.slice(sentenceStart, quote.start).trimEnd().endsWith(':')) return false;
  const pronouns = PRONOUNS[language] ?? PRONOUNS.en!;
  const lead = words(sentenceStart, quote.start);
  return lead.some(
    (word, i) =>
      ((i > 0 || lead.length === 1) && isUpper(text.charCodeAt(word.start))) || pronouns.has(lower.slice(word.start, word.end)),
  );
}
