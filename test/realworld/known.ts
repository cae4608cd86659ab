/**
 * Files of the realistic set (test/fixtures/realworld/) the engine does not read right yet. Each runs
 * as an expected failure (`test.fails`) in realworld.test.ts, so the run lists it as such, never as a
 * pass; once the engine reads the file right, its test turns red until the entry is taken off here.
 * The reason names the failure class of issue 10 (1 sign-offs, 2 legends, 3 thresholds, 4 kind
 * attribution, 5 adjustment scope, 6 synonyms/fillers, 7 section headers, 8 characters,
 * 9 demographics, 10 layouts, 11 statements away from their value) and what is misread.
 * `node /tmp/rw-report.js known` (see report.ts) prints the current mismatches of every failing file.
 *
 * First measured on main at 1c8d328 (before any of this session's reader work was merged); the W*
 * files (wave 2) were added on main at 84f7009 (risk reader merged); updated on main d60d30b
 * (risk, statements and core merged). The Q* files (wave 3) were first measured on branch wavedraft
 * (main dac7352): 15 / 30 fully right. The Z* files (wave 4 held out: written apart from the helpers
 * that fixed the engine, merged only at the end) were first measured on dac7352 (19 / 36) and again
 * after every fix of the session was merged (21 / 36: Z06 and Z34 read right); branch zstate took off Z04,
 * Z07, Z08, Z22 and Z36 (statement and sign-off mechanisms, test/unit/z-statements-reading.test.ts).
 */
export const KNOWN_FAILING: Record<string, string> = {
  'Z16-draft-dictation-spelled-numbers.txt':
    '6+7+9: spoken dictation: "minus" at a line end and "two point three" on the next line read as +2.3 (sign lost across the break); "thirty one percent" (spoken whole number) not read; "impression colon osteoporosis" and "seventy one year old" not read',
  'Z19-draft-comparison-priors-prose.txt':
    '4+11: "T-score is -2.0, previously -2.3": the current spine value is taken as prior too; "Degraded microarchitecture, slightly lower than in 2023" not read as this study\'s category',
  'Z20-draft-man-glucocorticoids.txt':
    '3+11: "raised by about 15% of its value" (a relative glucocorticoid correction) read as an adjusted MOF of 15 % (false conflict); "1.211 -> degraded" category not read',
  'Z29-probe-threshold-would-be-indicated.txt':
    '3: "treatment would be indicated at or above 20% (major osteoporotic) or 3% (hip)": the 3 % read as an unadjusted MOF result',
  'Z31-probe-scope-incorporating-tbs.txt':
    '5: lead-in "After incorporating her trabecular bone score ... into FRAX" not seen as the TBS adjustment',
  // Wave 3 (V*, layouts of real public reports) and the Q* drafts and probes: none failing after the merge.
};
