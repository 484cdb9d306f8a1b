/**
 * A text-to-speech call takes a limited length (WeChat's 同声传译 plugin: 1000 bytes of UTF-8 per call, about
 * 330 Chinese characters; people using it report trouble above about 200 characters). 200 characters stay
 * under 1000 bytes even at 4 bytes a character, and a short first piece starts speaking sooner.
 */
export const speechChunkLimit = 200;

/** Where a sentence ends: a reader pauses here, so a piece ending here sounds whole. */
const sentenceEnd = /[^。！？；!?;\n]*(?:[。！？；!?;\n]+[”’」』）)]*|$)/gu;
/** Where a too-long sentence may be cut, a shorter pause. */
const clauseEnd = /[^，、：,:]*(?:[，、：,:]+|$)/gu;

/** The pieces `pattern` cuts `text` into, ends kept, empty ones dropped. */
function pieces(text: string, pattern: RegExp): string[] {
  return (text.match(pattern) ?? []).filter((p) => p.length > 0);
}

/** Cuts by length where nothing else helps, never inside a surrogate pair. */
function hardCut(text: string, limit: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += limit) out.push(chars.slice(i, i + limit).join(''));
  return out;
}

const length = (s: string) => Array.from(s).length;

/** Pieces no longer than `limit`: the sentence, else its clauses, else plain cuts. */
function fitting(sentence: string, limit: number): string[] {
  if (length(sentence) <= limit) return [sentence];
  return pieces(sentence, clauseEnd).flatMap((clause) => (length(clause) <= limit ? [clause] : hardCut(clause, limit)));
}

/**
 * Splits `text` for speaking: whole sentences packed into chunks of at most `limit` characters, cut at a
 * comma only when one sentence is too long, and by length only when a clause is. Blank space is trimmed;
 * nothing of the text is lost or reordered.
 */
export function speechChunks(text: string, limit = speechChunkLimit): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) chunks.push(current.trim());
    current = '';
  };
  for (const piece of pieces(text, sentenceEnd).flatMap((s) => fitting(s, limit))) {
    if (length(current) + length(piece) > limit) flush();
    current += piece;
  }
  flush();
  return chunks;
}
