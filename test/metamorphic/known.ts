/**
 * Known failing pairs of the metamorphic suite (metamorphic.test.ts): for each transform, the realistic
 * files whose projection the transform changes today. Each listed pair runs as an expected failure
 * (`test.fails`); a pair that starts passing turns the run red until it is taken off here, and a pair
 * not listed that fails is a regression (red). So the list of each transform is its floor: it may only
 * get shorter. Never add a pair to make a change pass.
 *
 * Measured on branch metamorph at 14d20f3 (main), before any engine change, over the 258 files then:
 *
 *   transform              differ / applies (of 258)  differing elements (files)
 *   crlf                     0 / 247  
 *   bom                      0 / 258  
 *   trailing-space           0 / 258  
 *   blank-lines-doubled      0 / 126  
 *   minus-u2212              0 / 195  
 *   minus-en-dash            0 / 195  
 *   score-nb-hyphen          0 / 202  
 *   nbsp-percent             1 / 218  tScores 1, zScores 1, findings 1
 *   space-percent            0 / 191  
 *   hard-wrap-72            22 / 170  findings 9, tScores 7, risks 7, tbs 3, providers 3, who 2, categories 2, zScores 1
 *   append-who-legend        4 / 258  providerFound 4, providers 4, findings 4
 *   append-tbs-legend        0 / 258  
 *   append-prior-report    151 / 258  findings 89, providerFound 88, providers 45, models 39, who 21
 *   append-prior-prose     258 / 258  tbs 258, tScores 258, findings 258, who 223, providerFound 88, providers 45, models 39
 *   append-who-sentence      0 / 258  
 *   append-addendum          0 / 258  
 *   letterhead-page-break    4 / 258  providers 3, tbs 1, categories 1, findings 1
 *   header-case              4 / 193  risks 4
 *   header-synonyms          0 / 105  
 *   markdown-headers         0 /  81  
 *   indent-2                 0 / 258  
 *   nbsp-before-number       0 / 251  
 *   tab-columns              4 /  80  tScores 4, zScores 3, findings 3
 *
 * Main gained the wave-6 files R01-R40 (e409fa0; 20 of them known failing in test/realworld/known.ts):
 * the suite runs over every file of expected.json (298). Measured on the engine of main e409fa0:
 *
 *   transform              differ / applies (of 298)  differing elements (files)
 *   crlf                     0 / 287  
 *   bom                      0 / 298  
 *   trailing-space           0 / 298  
 *   blank-lines-doubled      0 / 164  
 *   minus-u2212              0 / 233  
 *   minus-en-dash            0 / 233  
 *   score-nb-hyphen          0 / 237  
 *   nbsp-percent             3 / 255  tScores 3, zScores 2, findings 2
 *   space-percent            0 / 213  
 *   hard-wrap-72            27 / 205  findings 11, tScores 9, risks 8, tbs 4, categories 4, providers 3, who 2, zScores 1
 *   append-who-legend        5 / 298  providerFound 5, providers 5, findings 5
 *   append-tbs-legend        0 / 298  
 *   append-prior-report    172 / 298  findings 95, providerFound 92, providers 59, models 41, who 26
 *   append-prior-prose     298 / 298  tbs 298, tScores 298, findings 298, who 256, providerFound 92, providers 59, models 41, categories 1
 *   append-who-sentence      0 / 298  
 *   append-addendum          0 / 298  
 *   letterhead-page-break    5 / 298  providers 4, tbs 1, categories 1, findings 1
 *   header-case              4 / 229  risks 4
 *   header-synonyms          0 / 123  
 *   markdown-headers         0 / 101  
 *   indent-2                 1 / 298  tScores 1
 *   nbsp-before-number       0 / 291  
 *   tab-columns              4 / 101  tScores 4, zScores 3, findings 3
 *
 * After this branch's reading fixes (metamorph, merged with main e409fa0):
 *
 *   transform              differ / applies (of 298)  differing elements (files)
 *   crlf                     0 / 287  
 *   bom                      0 / 298  
 *   trailing-space           0 / 298  
 *   blank-lines-doubled      0 / 164  
 *   minus-u2212              0 / 233  
 *   minus-en-dash            0 / 233  
 *   score-nb-hyphen          0 / 237  
 *   nbsp-percent             3 / 255  tScores 3, zScores 2, findings 2
 *   space-percent            0 / 213  
 *   hard-wrap-72            17 / 205  risks 7, tScores 5, findings 5, who 2, providers 2, zScores 1, tbs 1, categories 1
 *   append-who-legend        5 / 298  providerFound 5, providers 5, findings 5
 *   append-tbs-legend        0 / 298  
 *   append-prior-report      0 / 298  
 *   append-prior-prose       0 / 298  
 *   append-who-sentence      0 / 298  
 *   append-addendum          0 / 298  
 *   letterhead-page-break    5 / 298  providers 4, tbs 1, categories 1, findings 1
 *   header-case              0 / 229  
 *   header-synonyms          0 / 123  
 *   markdown-headers         0 / 101  
 *   indent-2                 1 / 298  tScores 1
 *   nbsp-before-number       0 / 291  
 *   tab-columns              4 / 101  tScores 4, zScores 3, findings 3
 *
 * Main gained the wave-8 files T01-T30 (branch wave8, held out; 13 of them known failing in
 * test/realworld/known.ts): measured on the engine of main 3c5a51c they add 7 pairs (nbsp-percent T19,
 * hard-wrap-72 T09 T14 T17, header-case T15, markdown-headers T15, tab-columns T09), listed below with
 * their reasons. Branch tlang takes T15 off header-case and markdown-headers (diacritics folded in
 * the header finder: the original now reads the WHO statement too) and T14 off hard-wrap-72.
 * their reasons. Branch trisk read "***%" as the risk's slot, so nbsp-percent T19 passes and is off.
 *
 * `node /tmp/mm-$USER.js --known` (see report.ts) prints this table as it would be today.
 */
export const KNOWN_PAIRS: Record<string, string[]> = {
  crlf: [],
  bom: [],
  'trailing-space': [],
  'blank-lines-doubled': [],
  'minus-u2212': [],
  'minus-en-dash': [],
  'score-nb-hyphen': [],
  'nbsp-percent': [
    'R01-layout-japan-yam-percent.txt',
    'R15-layout-osteosys-printout-drift.txt',
    'V23-norland-wards-shaft.txt',
  ],
  'space-percent': [],
  'hard-wrap-72': [
    'P11-kind-site-list.txt',
    'Q02-draft-dictation-spelled-numbers.txt',
    'Q07-draft-addendum-amended-value.txt',
    'Q20-kind-slash-pair.txt',
    // A registration-number tail ("nr PWZ") wrapped onto the next line leaves the signer's text.
    'R04-layout-poland-opis-decimal-comma.txt',
    'R22-draft-dictated-speech-artefacts.txt',
    // Wave 7 (S*, merged after the suite's last fixes): measured on main b50e8ed.
    'S03-layout-czech-bilingual-decimal-comma.txt',
    'S08-layout-finland-addendum-corrects-tscore.txt',
    // Wave 8 (T*, measured on main 3c5a51c): T09 loses the hip risk and the adjustment when the FRAX
    // lead-in is wrapped; T17 reads the spoken "minus one point eight" as -1 when "point eight" is
    // wrapped onto the next line (a truncated number). (T14 off on branch tlang: the original reads
    // the spine site of "lumbar spine (L1-L4)" / "T-score" too.)
    'T09-layout-croatia-hologic-printout-prior-comparison.txt',
    'T17-draft-dictated-speech-recognition.txt',
    'Z12-germany-english-decimal-comma.txt',
    'Z20-draft-man-glucocorticoids.txt',
    'Z29-probe-threshold-would-be-indicated.txt',
    // Wave 9 (U*, held out on branch wave9): measured on branch wave9 (main 3c5a51c), first run;
    // the causes below are guessed from the differences, not traced in the engine.
    // U01: the wrapped "FRAX (... model; ...)" column header makes every risk of the table adjusted.
    'U01-layout-malaysia-hologic-discovery-printout.txt',
    // U12: the prior-study sentence wrapped mid-way reads its L1-L4 T-score -2.0 as this study's.
    'U12-layout-queensland-letter-gp-both-hips-threshold.txt',
    // U17: a spoken T-score wrapped inside "minus two point seven" is read as -2.
    'U17-draft-dictated-speech-recognition.txt',
  ],
  'append-who-legend': [],
  'append-tbs-legend': [],
  'append-prior-report': [],
  'append-prior-prose': [],
  'append-who-sentence': [],
  'append-addendum': [],
  'letterhead-page-break': ['Z01-fhir-narrative-assessment-bullets.txt'],
  // S07 (wave 7): a re-cased "Left" / "Right" heading over DualFemur rows loses the sides of the neck rows.
  'header-case': ['S07-layout-norway-lunar-dualfemur-male-adt.txt'],
  'header-synonyms': [],
  'markdown-headers': [],
  'indent-2': [],
  'nbsp-before-number': [],
  'tab-columns': [
    'L03-fhir-diagnosticreport-narrative.txt',
    // Wave 8 (T09): the Z-scores of the Hologic printout rows are lost when the column gaps become tabs.
    'T09-layout-croatia-hologic-printout-prior-comparison.txt',
    'V04-lunar-dualfemur-trend-change.txt',
    'Z01-fhir-narrative-assessment-bullets.txt',
    'Z10-trend-table-comparison.txt',
  ],
};
