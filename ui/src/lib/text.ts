// Accent- and case-insensitive matching, the same folding the core applies to search.
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Options whose folded text contains every folded word typed, best (prefix) matches first. */
export function matchOptions(options: readonly string[], typed: string, limit = 8): string[] {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored = options
    .map((o) => ({ o, f: fold(o) }))
    .filter(({ f }) => words.every((w) => f.includes(w)))
    .sort((a, b) => Number(b.f.startsWith(words[0] ?? '')) - Number(a.f.startsWith(words[0] ?? '')) || a.o.localeCompare(b.o));
  return scored.slice(0, limit).map(({ o }) => o);
}

/** "el título es obligatorio" → "El título es obligatorio". */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A chart label cut into lines of at most `width` characters at spaces, so an axis shows
 * "Iluminación de / monumentos" whole instead of a label rotated and cut. At most `lines`
 * lines; what is left over ends the last one with "…" (the tooltip and the list under the
 * chart show the whole label).
 */
export function wrapLabel(label: string, width = 14, lines = 3): string[] {
  const out: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = out[out.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]}…`;
  return kept;
}
