/** `x` rounded to three decimals (scores and similarities as reported). */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
