/** The English first-name list of `gender-detection-from-name` (lower-cased name → gender). */
declare module 'gender-detection-from-name/names/en' {
  const names: Map<string, 'male' | 'female'>;
  export = names;
}
