/** CPT codes of bone densitometry and their modifiers. One code or modifier per line. */

/** The codes read as CPT codes (77080-77092: DXA, VFA, TBS and their companions). */
export const CPT_CODES: readonly number[] = [
  77080, 77081, 77082, 77083, 77084, 77085, 77086, 77089, 77090, 77091, 77092,
];

/** Modifiers written after a code ("77091-26", "77080 TC", "77091 with modifier 26"). */
export const CPT_MODIFIERS: readonly string[] = ['26', 'tc'];

/** Words that introduce a modifier: "77091 modifier 26", "77091 with modifier TC". */
export const MODIFIER_WORDS: readonly string[] = ['modifier', 'mod'];
