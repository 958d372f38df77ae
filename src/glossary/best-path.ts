/**
 * The words of kuromoji's best path through a sentence, read straight from the path. kuromoji's own
 * `tokenizeForSentence` decodes every word's features from UTF-8 bytes, one byte at a time, splits them
 * into ten strings and builds an object of thirteen fields, for every word of every sentence: 40% of all
 * tokenizing time, and much of its garbage. A text uses the same few thousand words over and over, so here
 * each dictionary entry's features are decoded and split once per thread and kept, and a word is the few
 * fields yakugo reads. The lattice and the best path are kuromoji's (`ViterbiBuilder`, `ViterbiSearcher`).
 *
 * The fields are those kuromoji's `IpadicFormatter` gives: `surface` is the dictionary entry's own surface
 * for a known word and the lattice node's for an unknown one; unknown words have no reading.
 */

/** One word of a best path, as kuromoji's token gives it. */
export interface PathWord {
  surface: string;
  /** `basic_form`: `*` for unknown words. */
  basic: string | undefined;
  pos: string | undefined;
  pos1: string | undefined;
  reading: string | undefined;
  known: boolean;
}

interface ViterbiNode {
  name: number;
  type: string;
  surface_form: string;
}

interface FeatureSource {
  getFeatures(id: string | number): string | null | undefined;
}

/** The parts of a kuromoji `Tokenizer` read here (the package's own names). */
export interface KuromojiParts {
  viterbi_builder: { build(sentence: string): unknown };
  viterbi_searcher: { search(lattice: unknown): ViterbiNode[] };
  token_info_dictionary: FeatureSource;
  unknown_dictionary: FeatureSource;
}

/** How many dictionary entries each memo keeps: the words of a large project, a few MB. */
const ENTRIES_KEPT = 65_536;

type Entry = Omit<PathWord, 'surface' | 'known'> & { surface: string | undefined };

/** A function from a sentence to the words of its best path, with its own memo of dictionary entries. */
export function bestPathWords(kuromoji: KuromojiParts): (sentence: string) => PathWord[] {
  const knownEntry = entryMemo(kuromoji.token_info_dictionary, true);
  const unknownEntry = entryMemo(kuromoji.unknown_dictionary, false);
  return (sentence) => {
    const path = kuromoji.viterbi_searcher.search(kuromoji.viterbi_builder.build(sentence));
    const words: PathWord[] = [];
    for (const node of path) {
      if (node.type === 'KNOWN') {
        const entry = knownEntry(node.name);
        words.push({ surface: entry.surface ?? node.surface_form, basic: entry.basic, pos: entry.pos, pos1: entry.pos1, reading: entry.reading, known: true });
      } else {
        const entry = unknownEntry(node.name);
        words.push({ surface: node.surface_form, basic: entry.basic, pos: entry.pos, pos1: entry.pos1, reading: undefined, known: false });
      }
    }
    return words;
  };
}

/** The features of each entry of `dictionary`, decoded and split once; past `ENTRIES_KEPT` it starts again. */
function entryMemo(dictionary: FeatureSource, known: boolean): (id: number) => Entry {
  let entries = new Map<number, Entry>();
  return (id) => {
    let entry = entries.get(id);
    if (entry === undefined) {
      const line = dictionary.getFeatures(String(id));
      const features = line ? line.split(',') : [];
      entry = { surface: known ? features[0] : undefined, pos: features[1], pos1: features[2], basic: features[7], reading: known ? features[8] : undefined };
      if (entries.size >= ENTRIES_KEPT) entries = new Map();
      entries.set(id, entry);
    }
    return entry;
  };
}
