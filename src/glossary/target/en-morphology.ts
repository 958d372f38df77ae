import stem from 'wink-porter2-stemmer';
import { isAcronym } from '../normalize.js';

/**
 * When an English word in a translation is a form of a glossary term's word. Three sources, in order:
 *
 * 1. regular inflection, both ways: the word is a plural, third-person, past or -ing form of the term's
 *    word, or both are forms of one base (`dereferencing` ~ `dereferences`, `panic` ~ `panicking`);
 * 2. irregular forms, read from the text's side only (`bound` satisfies `binding` through `bind`, but
 *    `binds` does not satisfy the noun `bound`);
 * 3. the Porter2 (Snowball English) stemmer, guarded: both words must have the same stem **and** differ
 *    from their common prefix only by an inflectional or adverb/adjective ending (`option` ~
 *    `optionally`). The guard is what keeps a form from changing the head word: Porter2 gives `compil`
 *    for both `compile` and `compiler`, `univers` for `universe` and `university`; those differ by `-er`
 *    and `-ity`, so they are different words.
 *
 * The stemmer was chosen by measurement (docs/formats/glossary-target-matching.md): on 66 pairs a reader
 * takes for the same term and 40 pairs that are different words, `stemmer` (Porter), `porter-stemmer`,
 * `snowball-stemmers` and `wink-porter2-stemmer` accept the same pairs once guarded; unguarded, the two
 * Porter2 implementations conflate 13 of the 40 different pairs and the two Porter ones 17, and
 * wink-porter2-stemmer was three times faster than snowball-stemmers.
 */

/** Regular inflections of one English word (over-generation is harmless: only real words occur in text). */
export function englishForms(word: string): string[] {
  if (isAcronym(word)) return [`${word}s`];
  if (!/^[a-z]+$/i.test(word)) return [];
  const forms: string[] = [];
  const last = word.at(-1)!;
  const consonantY = /[^aeiou]y$/i.test(word);
  const doubled = /[^aeiou][aeiou][^aeiouwxy]$/i.test(word) ? word + last : undefined;
  // Plural and third person.
  if (/(?:s|x|z|ch|sh)$/i.test(word)) forms.push(`${word}es`);
  else if (consonantY) forms.push(`${word.slice(0, -1)}ies`);
  else forms.push(`${word}s`);
  if (/o$/i.test(word)) forms.push(`${word}es`);
  // Past and participles.
  if (/e$/i.test(word)) forms.push(`${word}d`);
  else if (consonantY) forms.push(`${word.slice(0, -1)}ied`);
  else forms.push(`${word}ed`);
  if (/ie$/i.test(word)) forms.push(`${word.slice(0, -2)}ying`);
  else if (/[^e]e$/i.test(word)) forms.push(`${word.slice(0, -1)}ing`);
  else forms.push(`${word}ing`);
  if (doubled) forms.push(`${doubled}ed`, `${doubled}ing`);
  // panic → panicked, panicking; mimic → mimicked.
  if (/[^aeiou]ic$/i.test(word)) forms.push(`${word}ked`, `${word}king`);
  return forms;
}

/**
 * The bases a word may be a regular form of (itself included): `dereferencing` → dereferenc, dereference;
 * `panicking` → panic; `copies` → copy. Over-generates on purpose; two words are forms of one base only
 * when their sets meet.
 */
export function regularBases(word: string): Set<string> {
  const bases = new Set<string>([word]);
  const add = (base: string) => {
    if (base.length >= 2) bases.add(base);
  };
  const strip = (suffix: string, ...endings: string[]) => {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) return;
    const stem = word.slice(0, -suffix.length);
    for (const ending of endings) add(stem + ending);
    // A doubled final consonant (stopped, running) and the k of panicked belong to the suffix.
    if (/([^aeiouls])\1$/.test(stem)) add(stem.slice(0, -1));
    if (/ick$/.test(stem)) add(stem.slice(0, -1));
  };
  if (word.endsWith('ies') || word.endsWith('ied')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('ying')) add(`${word.slice(0, -4)}ie`);
  strip('es', '');
  if (!word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) strip('s', '');
  strip('ed', '', 'e');
  strip('ing', '', 'e');
  return bases;
}

/** Endings that make a form of the same word (inflection) or its adverb/adjective (option → optional, optionally). */
const SAME_WORD_ENDING = /^(?:|e|y|s|es|ies|d|ed|ied|ing|ying|ly|ily|ally|al)$/;

/** True when `a` and `b` differ only by endings of the same word after their common prefix (at least 3 letters). */
function onlyEndingsDiffer(a: string, b: string): boolean {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  if (shared < 3) return false;
  const lastShared = a[shared - 1];
  const ending = (rest: string) => SAME_WORD_ENDING.test(rest) || (rest[0] === lastShared && /^(?:ed|ing)$/.test(rest.slice(1)));
  return ending(a.slice(shared)) && ending(b.slice(shared));
}

/**
 * True when `word` (from a translation) is a form of `termWord` (the last word of a glossary term). Both
 * lower case.
 */
export function isEnglishFormOf(termWord: string, word: string): boolean {
  if (word === termWord) return true;
  if (!/^[a-z]+$/.test(word) || !/^[a-z]+$/.test(termWord)) return false;
  const termBases = regularBases(termWord);
  for (const base of regularBases(word)) if (termBases.has(base)) return true;
  const irregularBase = IRREGULAR_BASES.get(word);
  if (irregularBase !== undefined && termBases.has(irregularBase)) return true;
  return stem(word) === stem(termWord) && onlyEndingsDiffer(termWord, word);
}

/** The irregular forms a term's last word may take in a translation (the text side of the table). */
export function irregularFormsOf(termWord: string): string[] {
  const forms: string[] = [];
  for (const [form, base] of IRREGULAR_BASES) {
    if (regularBases(termWord).has(base)) forms.push(form);
  }
  return forms;
}

/**
 * Irregular verbs and plurals common in technical prose: base followed by its irregular forms. Forms
 * that are also a different everyday word are left out on purpose (`found` of find, `left` of leave,
 * `saw` of see, `bit` of bite, `lay` of lie): a concept that wants them lists them in `forms`.
 */
const IRREGULAR: ReadonlyArray<readonly [string, ...string[]]> = [
  ['be', 'was', 'were', 'been', 'is', 'are'],
  ['begin', 'began', 'begun'],
  ['bind', 'bound'],
  ['break', 'broke', 'broken'],
  ['bring', 'brought'],
  ['build', 'built'],
  ['buy', 'bought'],
  ['catch', 'caught'],
  ['choose', 'chose', 'chosen'],
  ['come', 'came'],
  ['do', 'did', 'done', 'does'],
  ['draw', 'drew', 'drawn'],
  ['drive', 'drove', 'driven'],
  ['eat', 'ate', 'eaten'],
  ['fall', 'fallen'],
  ['feed', 'fed'],
  ['feel', 'felt'],
  ['fight', 'fought'],
  ['fly', 'flew', 'flown'],
  ['forbid', 'forbade', 'forbidden'],
  ['forget', 'forgot', 'forgotten'],
  ['freeze', 'froze', 'frozen'],
  ['get', 'got', 'gotten'],
  ['give', 'gave', 'given'],
  ['go', 'went', 'gone', 'goes'],
  ['grow', 'grew', 'grown'],
  ['have', 'had', 'has'],
  ['hide', 'hid', 'hidden'],
  ['hold', 'held'],
  ['keep', 'kept'],
  ['know', 'knew', 'known'],
  ['lead', 'led'],
  ['lose', 'lost'],
  ['make', 'made'],
  ['mean', 'meant'],
  ['meet', 'met'],
  ['override', 'overrode', 'overridden'],
  ['overwrite', 'overwrote', 'overwritten'],
  ['pay', 'paid'],
  ['rewrite', 'rewrote', 'rewritten'],
  ['ride', 'rode', 'ridden'],
  ['rise', 'rose', 'risen'],
  ['run', 'ran'],
  ['say', 'said'],
  ['seek', 'sought'],
  ['sell', 'sold'],
  ['send', 'sent'],
  ['shake', 'shook', 'shaken'],
  ['show', 'shown'],
  ['shrink', 'shrank', 'shrunk'],
  ['sing', 'sang', 'sung'],
  ['sink', 'sank', 'sunk'],
  ['sleep', 'slept'],
  ['speak', 'spoke', 'spoken'],
  ['spend', 'spent'],
  ['spin', 'spun'],
  ['stand', 'stood'],
  ['steal', 'stole', 'stolen'],
  ['stick', 'stuck'],
  ['strike', 'struck'],
  ['swim', 'swam', 'swum'],
  ['take', 'took', 'taken'],
  ['teach', 'taught'],
  ['tell', 'told'],
  ['think', 'thought'],
  ['throw', 'threw', 'thrown'],
  ['understand', 'understood'],
  ['undo', 'undid', 'undone'],
  ['wake', 'woke', 'woken'],
  ['wear', 'wore', 'worn'],
  ['win', 'won'],
  ['withdraw', 'withdrew', 'withdrawn'],
  ['write', 'wrote', 'written'],
  // Plurals.
  ['analysis', 'analyses'],
  ['appendix', 'appendices'],
  ['child', 'children'],
  ['criterion', 'criteria'],
  ['crisis', 'crises'],
  ['foot', 'feet'],
  ['half', 'halves'],
  ['hypothesis', 'hypotheses'],
  ['index', 'indices'],
  ['knife', 'knives'],
  ['leaf', 'leaves'],
  ['life', 'lives'],
  ['man', 'men'],
  ['matrix', 'matrices'],
  ['medium', 'media'],
  ['mouse', 'mice'],
  ['person', 'people'],
  ['phenomenon', 'phenomena'],
  ['self', 'selves'],
  ['shelf', 'shelves'],
  ['thesis', 'theses'],
  ['tooth', 'teeth'],
  ['vertex', 'vertices'],
  ['woman', 'women'],
];

const IRREGULAR_BASES = new Map<string, string>(IRREGULAR.flatMap(([base, ...forms]) => forms.map((form): [string, string] => [form, base])));
