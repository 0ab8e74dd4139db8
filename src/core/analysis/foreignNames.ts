/**
 * Parties and movements named in their own language ("Parti des Réformes et des Libertés de Wallonie",
 * "Partei für Freiheit und Fortschritt"): the recogniser, trained on English, makes pieces of them.
 */
import { isCapWord } from './ner/features';
import type { MakeSpan, RepairSpan } from './ner/perceptron';

/** First words of parties and movements named in their own language ("Parti", "Partido", "Lega"). */
const FOREIGN_ORG_HEADS = new Set(['Parti', 'Partei', 'Partido', 'Partito', 'Partij', 'Partia', 'Mouvement', 'Movimiento', 'Movimento', 'Rassemblement', 'Unión', 'Unione', 'Frente', 'Fronte', 'Front', 'Alianza', 'Alleanza', 'Bloque', 'Bloc', 'Lega', 'Liga', 'Ligue', 'Congrès', 'Congreso', 'Convergència', 'Izquierda', 'Sinistra', 'Forza', 'Fratelli', 'Podemos']);
/** The small words inside such a name ("Parti des Réformes et des Libertés de Wallonie"). */
const FOREIGN_SMALL = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'et', 'pour', 'für', 'und', 'der', 'die', 'das', 'del', 'della', 'delle', 'dei', 'di', 'per', 'y', 'e', 'i', 'van', 'voor', 'en', "d'", 'al', 'do', 'da', 'dos', 'das']);

/**
 * "Parti des Réformes et des Libertés de Wallonie", "Partei für Freiheit und Fortschritt": a party named in its
 * own language, from its first word through its capitalised words and the small words between them, is one
 * organisation, whatever pieces the recogniser (trained on English) made of it.
 */
export function foreignOrganisations<S extends RepairSpan>(words: readonly string[], out: S[], make: MakeSpan<S>): void {
  for (let i = 0; i + 1 < words.length; i++) {
    if (!FOREIGN_ORG_HEADS.has(words[i]!)) continue;
    let j = i + 1;
    let last = i;
    while (j < words.length && (isCapWord(words[j]) || FOREIGN_SMALL.has(words[j]!))) {
      if (isCapWord(words[j])) last = j;
      j++;
    }
    if (last === i) continue;
    const end = last + 1;
    for (let k = out.length - 1; k >= 0; k--) if (out[k]!.start < end && i < out[k]!.end) out.splice(k, 1);
    out.push(make(i, end, 'ORG', undefined));
    out.sort((x, y) => x.start - y.start);
    i = last;
  }
}
