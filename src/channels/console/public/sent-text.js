// What a composer keeps once its text went out: what was typed after it while it was sending.

/**
 * After `sent` (the trimmed text the server accepted) left `input`: the box keeps only what follows
 * that text, or stays as it is when the person changed the text that was sent meanwhile.
 */
export function keepUnsent(input, sent) {
  const value = input.value;
  const start = value.length - value.trimStart().length;
  if (!value.startsWith(sent, start)) return;
  const rest = value.slice(start + sent.length).trimStart();
  const removed = value.length - rest.length;
  const caret = input.selectionStart;
  input.value = rest;
  // Someone still typing carries on where they were.
  if (document.activeElement === input && caret !== null) {
    const at = Math.max(0, caret - removed);
    input.setSelectionRange(at, at);
  }
}
