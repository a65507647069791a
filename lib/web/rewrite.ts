/** A draft of the message with blanks for the writer to fill: `blanks` are offsets into `text`, in order. */
export interface Skeleton {
  text: string;
  blanks: { start: number; end: number }[];
}

/** The words a draft adds around a request, in the message's language; `[…]` marks the blank. */
export interface RewriteWords {
  /** Joined to the request: ` to [why]`. */
  rewriteReason: string;
  /** A sentence after the request's: `Otherwise, [what happens next].` */
  rewriteNext: string;
}

/**
 * The message kept word for word, with the request's missing parts as blanks: its reason
 * joined to the request, what happens next as the sentence after it.
 */
export function rewriteSkeleton(body: string, request: { start: number; end: number }, missing: { reason: boolean; next: boolean }, words: RewriteWords): Skeleton {
  const sentenceEnd = body.slice(request.end).search(/[.!?]/);
  const closed = sentenceEnd >= 0;
  const afterSentence = closed ? request.end + sentenceEnd + 1 : body.length;
  let text = body.slice(0, request.end);
  const blanks: Skeleton['blanks'] = [];
  const addBlank = (words: string) => {
    const start = text.length + words.indexOf('[');
    blanks.push({ start, end: text.length + words.indexOf(']') + 1 });
    text += words;
  };
  if (missing.reason) addBlank(words.rewriteReason);
  text += body.slice(request.end, afterSentence);
  if (missing.next) {
    // The request's sentence must end before the next one starts.
    text += closed ? ' ' : '. ';
    addBlank(words.rewriteNext);
  }
  return { text: text + body.slice(afterSentence), blanks };
}
