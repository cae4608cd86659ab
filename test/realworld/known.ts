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
 * Z07, Z08, Z22 and Z36 (statement and sign-off mechanisms, test/unit/z-statements-reading.test.ts),
 * branch zdraft Z16, Z19, Z20, Z29 and Z31 (test/unit/z-draft-reading.test.ts), branch zlayout Z02,
 * Z09, Z10, Z12 and Z17 (test/unit/z-layout-reading.test.ts). The Z files are no longer held out.
 * The R* files (wave 6: 20 layouts, 10 drafts, 10 probes, written without reading the engine, the
 * expectations committed before its first run) were first measured on branch wave6 (main 14d20f3):
 * 20 / 40 fully right (layouts 8 / 20, drafts 6 / 10, probes 6 / 10); branches rstate and rlayout took off the 20
 * others.
 *
 * The S* files (wave 7, held out: written on branch wave7 by a helper that saw neither the engine's
 * code nor the wave-6 files, expectations committed before the first run) were first measured on
 * main 14d20f3: 15 / 30 fully right (layouts 4 / 15, drafts 8 / 8, probes 3 / 7); on main after this
 * session's fixes for wave 6 (branches rstate, rlayout, metamorph, leftovers; none saw the S files): 18 / 30
 * (S03, S12 and S15 read right); branches ssign and sstate then fixed 11 more on the S files themselves
 * (29 / 30): the S files are no longer held out.
 *
 * The T* files (wave 8, held out: written on branch wave8 by a helper that read neither the engine's
 * code nor the earlier realistic files' text, expectations committed (4c93c6d) before the first run)
 * were first measured on main 3c5a51c: 17 / 30 fully right (layouts 5 / 15, drafts 6 / 8, probes
 * 6 / 7). Their 13 failures are listed below, each with the class of issue 10 it falls in.
 * The U* files (wave 9, held out: 15 layouts of Asian, Middle Eastern, African and Oceanian reports
 * and vendor / software outputs, 8 drafts, 7 probes; written on branch wave9 by a helper that saw
 * neither the engine's code nor the other realistic files, expectations committed in c488069 before
 * the first run) were first measured on branch wave9 (main 3c5a51c): 24 / 30 fully right (layouts
 * 12 / 15, drafts 6 / 8, probes 6 / 7). Both waves merged into main together (after both first runs).
 */
export const KNOWN_FAILING: Record<string, string> = {
  // Waves 3 and 4 (V*, Q*) and the Z* files: none failing after the merges.
  // Wave 6 (R*), first run on main 14d20f3: none failing after branches rstate and rlayout.
  // Wave 7 (S*, held out; first run on main 14d20f3, branch wave7: 15 / 30 fully right).
  // S07: fully right since branch leftovers2 (grouped femur rows, footnote adjustment, wrapped statements).
  // Wave 8 (T*, held out; first run on main 3c5a51c, branch wave8: 17 / 30 fully right).
  // Wave 9 (U*, held out; first run on branch wave9, main 3c5a51c: 24 / 30 fully right).
};
