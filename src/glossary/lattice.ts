/**
 * kuromoji's lattice builder (`ViterbiBuilder.build`), the same lattice in linear time. kuromoji wraps the
 * rest of the sentence in a new `SurrogateAwareString` at every character, which maps every code point of
 * that rest, and groups an unknown word by walking to the end of its run of one character class from
 * every character of that run: both quadratic, and a tenth of all tokenizing time. Here the code points,
 * their classes and the ends of the runs are found once per sentence, and the trie is searched from an
 * offset (`trie-search.ts`).
 *
 * Every node is the one kuromoji appends, in the same order, with the same fields — its quirks with
 * characters outside the BMP included: a lone unknown character outside the BMP is one position long, a
 * group of unknown characters is as long as its UTF-16 length. `test/tokenizer-dictionary.test.ts` compares
 * the tokens with kuromoji's own for any text.
 */
import { createRequire } from 'node:module';
import { commonPrefixSearch, type DoubleArrayTrie } from './trie-search.js';

const require = createRequire(import.meta.url);

type ViterbiNode = object;
type NodeConstructor = new (name: number, cost: number, start: number, length: number, type: string, left: number, right: number, surface: string) => ViterbiNode;

interface Lattice {
  append(node: ViterbiNode): void;
  appendEos(): void;
}

/** An entry of kuromoji's character definition (`char.def`). */
interface CharacterClass {
  class_id: number;
  class_name: string;
  is_always_invoke: number;
  is_grouping: number;
}

interface WordTable {
  target_map: Record<number, ArrayLike<number>>;
  dictionary: { getShort(index: number): number };
}

/** The parts of kuromoji's `ViterbiBuilder` the build below reads. */
export interface KuromojiViterbiBuilder {
  trie: DoubleArrayTrie;
  token_info_dictionary: WordTable;
  unknown_dictionary: WordTable & { lookup(char: string): CharacterClass };
  build(sentence: string): Lattice;
}

/** Makes `builder` build its lattices as below, on this one object: kuromoji's code stays as it is. */
export function buildLatticesLinearly(builder: KuromojiViterbiBuilder): void {
  const ViterbiLattice = require('kuromoji/src/viterbi/ViterbiLattice.js') as new () => Lattice;
  const ViterbiNode = require('kuromoji/src/viterbi/ViterbiNode.js') as NodeConstructor;
  builder.build = (sentence: string) => buildLattice(builder, sentence, new ViterbiLattice(), ViterbiNode);
}

function buildLattice(builder: KuromojiViterbiBuilder, sentence: string, lattice: Lattice, Node: NodeConstructor): Lattice {
  const { trie, token_info_dictionary: words, unknown_dictionary: unknown } = builder;
  const wordCosts = words.dictionary;
  const unknownCosts = unknown.dictionary;
  // starts[i]: where the i-th code point begins; starts[count] is the end of the sentence.
  const starts: number[] = [];
  for (let offset = 0; offset < sentence.length; offset++) {
    starts.push(offset);
    const code = sentence.charCodeAt(offset);
    if (code >= 0xd800 && code <= 0xdbff) offset++;
  }
  const count = starts.length;
  starts.push(sentence.length);
  // The character class of each code point, and where the run of one class name that starts there ends:
  // kuromoji groups an unknown word to the end of its run, and found that end again at every character.
  const classes: CharacterClass[] = [];
  for (let index = 0; index < count; index++) classes.push(unknown.lookup(sentence.slice(starts[index], starts[index + 1])));
  const runEnds = new Int32Array(count);
  for (let index = count - 1; index >= 0; index--) {
    runEnds[index] = index + 1 < count && classes[index + 1]!.class_name === classes[index]!.class_name ? runEnds[index + 1]! : index + 1;
  }

  for (let pos = 0; pos < count; pos++) {
    const vocabulary = commonPrefixSearch(trie, sentence, starts[pos]);
    for (const { v: trieId, k: key } of vocabulary) {
      const ids = words.target_map[trieId as number]!;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        lattice.append(new Node(id, wordCosts.getShort(id + 4), pos + 1, key.length, 'KNOWN', wordCosts.getShort(id), wordCosts.getShort(id + 2), key));
      }
    }

    // Unknown words: where no dictionary word starts, or the character's class always asks for them.
    const headClass = classes[pos]!;
    if (vocabulary.length > 0 && headClass.is_always_invoke !== 1) continue;
    const end = headClass.is_grouping === 1 ? runEnds[pos]! : pos + 1;
    const key = sentence.slice(starts[pos], starts[end]);
    // kuromoji measures a single character in code points and a group in UTF-16 units.
    const length = end > pos + 1 ? key.length : 1;
    const ids = unknown.target_map[headClass.class_id]!;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      lattice.append(new Node(id, unknownCosts.getShort(id + 4), pos + 1, length, 'UNKNOWN', unknownCosts.getShort(id), unknownCosts.getShort(id + 2), key));
    }
  }
  lattice.appendEos();
  return lattice;
}
