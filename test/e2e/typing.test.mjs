// End-to-end: typing prose never changes the text (issue 13, item 1).
//
// A radiologist dictates or types a whole report key by key, pressing Enter at the end of each line,
// into a Radiology Report (.radreport), a Markdown letter (.md) and a plain-text note (.txt) that the
// extension checks. Whatever suggestion lists open while typing, the saved file must be exactly what
// was typed: no accepted suggestion, no pasted template, no swallowed newline.
//
// Before the fix (space as a trigger character, quick suggestions and accept-on-Enter in reports)
// this failed: "..., MD<Enter>" became a label, "...outside report<Enter>" pasted the template,
// "...is normal<Enter>" became "normal microarchitecture". A run against the old build is kept as the
// proof: test/e2e/recorded/typing-on-build-71ef83e.log (see test/e2e/README.md).
//
//   E2E_VSIX=tbs-report-assistant.vsix node --test test/e2e/typing.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as h from './harness.mjs';

const VSIX = path.resolve(process.env.E2E_VSIX || path.join(h.ROOT, 'tbs-report-assistant.vsix'));

/** A dictated DXA + TBS report, 44 lines; several lines end in a bare word (the hijacked cases). */
const REPORT = [
  'EXAM: DXA lumbar spine and hip with trabecular bone score (CPT 77080, 77091)',
  '',
  'INDICATION: Postmenopausal woman, age 67, on aromatase inhibitor therapy',
  'COMPARISON: None available, prior study was an outside report',
  '',
  'TECHNIQUE: Hologic Horizon A scanner, standard positioning',
  'Trabecular bone score computed from the L1-L4 spine image with TBS iNsight',
  'Age: 67   BMI: 24.1 kg/m2',
  '',
  'FINDINGS:',
  'The lumbar spine L1-L4 BMD is 0.871 g/cm2 with T-score -1.6 and Z-score -0.2',
  'Left femoral neck BMD is 0.694 g/cm2 with T-score -2.1',
  'Left total hip BMD is 0.801 g/cm2 with T-score -1.5',
  'There is no vertebral body excluded from the analysis',
  'Alignment of the spine is normal',
  'Degenerative change at L4 does not affect the result',
  '',
  'TRABECULAR BONE SCORE:',
  'TBS L1-L4: 1.262 (partially degraded microarchitecture)',
  'This indicates partially degraded microarchitecture',
  '',
  'FRACTURE RISK:',
  'Risk model: FRAX',
  'TBS-adjusted 10-year probability: major osteoporotic fracture 17%; hip fracture 2.9%',
  'Without TBS adjustment the probabilities were 14% and 2.2%',
  'The calculation used femoral neck BMD and the clinical risk factors',
  'No prior fragility fracture, no parental hip fracture, no glucocorticoids',
  'Current smoker: no',
  'Alcohol: less than three units daily',
  '',
  'IMPRESSION:',
  '1. Osteopenia with partially degraded bone microarchitecture',
  '2. TBS-adjusted FRAX 10-year probability 17% major osteoporotic and 2.9% hip',
  '3. Fracture risk is elevated given the TBS result',
  '',
  'RECOMMENDATIONS:',
  'Consider pharmacologic therapy per current guidelines',
  'Follow-up DXA in two years on the same scanner',
  'Calcium and vitamin D as tolerated',
  '',
  'Reviewed with the referring physician by telephone',
  'Interpreting physician: Jane Roe, MD',
  'Electronically signed 2026-12-07',
  'Dictated but not read',
];

/** A Markdown letter to a referring physician (checked: it names a TBS value with its label). */
const LETTER = [
  '# Bone density letter',
  '',
  'Dear Dr Smith,',
  '',
  'Thank you for referring Mrs Jones, age 71, for a DXA scan with trabecular bone score',
  'She was seen in our department this week',
  'Her previous scan was an outside report',
  '',
  '## Findings',
  '',
  'Lumbar spine L1-L4 T-score -2.6',
  'Femoral neck T-score -2.2',
  'The lowest T-score is at the lumbar spine',
  'Her spine alignment is normal',
  '',
  '## Trabecular bone score',
  '',
  'TBS L1-L4: 1.198 (degraded microarchitecture)',
  'This is below the threshold for degraded microarchitecture',
  '',
  '## Fracture risk',
  '',
  'Risk model: FRAX',
  'TBS-adjusted FRAX: MOF 24%; hip 6.1%',
  'These figures already include the TBS adjustment',
  'Her height was measured today at 158 cm',
  'Weight 61 kg',
  '',
  '## Impression',
  '',
  'Osteoporosis by densitometry with degraded bone microarchitecture',
  'High fracture risk',
  '',
  '## Recommendations',
  '',
  'Treatment with a bisphosphonate is advised if there is no contraindication',
  'Please check renal function and vitamin D before starting',
  'A repeat scan in two years is suggested',
  '',
  'With kind regards',
  '',
  'Jane Roe, MD',
  'Consultant radiologist',
  'Department of Imaging',
];

/**
 * A plain-text phone note. In plain text VS Code itself offers the document's own words while typing
 * (its default editor.quickSuggestions and editor.wordBasedSuggestions for plaintext, nothing of this
 * extension), and Enter accepts such a word (a run saw "Jane Roe, MD<Enter>" become "Jane Roe, model"
 * from "Risk model" above it); so no line of this note ends in a word that VS Code's fuzzy match could
 * complete into another word of the note (checked below), which keeps the test about this extension.
 */
const NOTE = [
  'Phone note, bone density service',
  '',
  'Called by the referring office about the DXA of Mr Brown, age 74',
  'He had a scan last year at another site, outside report',
  'The current study was done here on the Lunar iDXA',
  '',
  'Results read to the caller:',
  'L1-L4 T-score -1.9, femoral neck T-score -2.3 (lowest)',
  'TBS L1-L4: 1.241 (partially degraded microarchitecture)',
  'Risk model: FRAX',
  'TBS-adjusted 10-year probability: major osteoporotic fracture 12%; hip fracture 3.4%',
  'The caller asked whether the result is normal',
  'I explained why it is below average',
  'Low bone mass with partially degraded bone texture',
  '',
  'Questions asked:',
  'Does he need treatment now?',
  'Treatment is reasonable given a hip probability above 3%',
  'Should the scan be repeated?',
  'Yes, in two years on the same machine',
  'Any additional tests?',
  'Vitamin D level and calcium, if not done recently',
  '',
  'Other points:',
  'He takes prednisolone 5 mg daily for polymyalgia',
  'This was entered as a risk factor',
  'No previous fragility fractures',
  'No falls in the last twelve months',
  'His BMI is 27',
  '',
  'Plan:',
  'Formal write-up to follow today',
  'Copy to the patient on request',
  'The office will book a clinic visit',
  'Fax number confirmed',
  '',
  'Time spent on the call: 10 minutes',
  'Caller: practice nurse Kim',
  'Callback number on file',
  'No further action for radiology',
  '',
  'Jane Roe, MD (radiologist)',
  'Radiologist on duty',
  'End of message',
];

const FILES = [
  { name: 'prose.radreport', lines: REPORT, initial: '' },
  // the letter and the note are checked files from their first line (a TBS value with its label)
  { name: 'prose-letter.md', lines: LETTER, initial: 'Re: DXA, TBS L1-L4: 1.198\n\n' },
  { name: 'prose-note.txt', lines: NOTE, initial: 'Re: DXA, TBS L1-L4: 1.241\n\n' },
];

/**
 * Line-final words that VS Code's own word suggestions could complete into another word of the text
 * (its fuzzy match: same first letter, the typed letters in order), so that Enter would take them.
 */
function wordPrefixHazards(lines, text) {
  const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}_-]+/gu) ?? [])];
  const counts = new Map();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}_-]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  const fuzzy = (typed, cand) => {
    if (cand[0] !== typed[0]) return false;
    let i = 0;
    for (const ch of cand) if (ch === typed[i]) i++;
    return i === typed.length;
  };
  const out = [];
  for (const line of lines) {
    const m = line.toLowerCase().match(/([\p{L}\p{N}_-]+)$/u);
    if (!m) continue;
    const w = m[1];
    if (counts.get(w) > 1 || words.some((x) => x !== w && fuzzy(w, x))) out.push(w);
  }
  return out;
}

describe('typing prose key by key never changes the text (code-server + Chromium)', { timeout: 600_000 }, () => {
  let s;
  let tmp;
  let folder;

  before(async () => {
    h.assertInstalled();
    assert.ok(fs.existsSync(VSIX), `${VSIX} not found: run 'npm run package' (or set E2E_VSIX)`);
    tmp = h.mkTempDir('tbs-e2e-typing-');
    folder = path.join(tmp, 'reports');
    fs.mkdirSync(folder, { recursive: true });
    for (const f of FILES) fs.writeFileSync(path.join(folder, f.name), f.initial);
    s = await h.startSession({ name: 'typing', vsix: VSIX, folder, settings: { 'files.autoSave': 'off' } });
  });

  after(async () => {
    await s?.close();
    if (tmp && !process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the prose has at least 40 lines per file, and the plain-text note avoids VS Code’s own word hazards', () => {
    for (const f of FILES) assert.ok(f.lines.length >= 40, `${f.name}: ${f.lines.length} lines`);
    const note = FILES.find((f) => f.lines === NOTE);
    assert.deepEqual(wordPrefixHazards(NOTE, note.initial + NOTE.join('\n')), []);
  });

  for (const f of FILES) {
    it(`${f.name}: ${f.lines.length} lines typed key by key with Enter are saved exactly as typed`, async () => {
      try {
        await h.closeAllEditors(s.page);
        await h.openFile(s.page, f.name);
        // the extension checks this file before the first key (its status item names the profile)
        await h.waitForLanguageStatus(s.page, /^770(89|91|92): /);
        await h.gotoPosition(s.page, 'end');
        let typed = f.initial;
        for (let i = 0; i < f.lines.length; i++) {
          // key by key, as a person types: quick suggestions, trigger characters and auto-closing all run
          await s.page.keyboard.type(f.lines[i]);
          await s.page.keyboard.press('Enter');
          typed += `${f.lines[i]}\n`;
          if (i === 25) await s.shot(`${f.name}-while-typing`);
        }
        await h.closeSuggest(s.page); // a list still open must not matter to the saved text
        await h.save(s.page);
        const saved = await h.waitForFileContent(path.join(folder, f.name), (c) => c.length >= typed.length - 5);
        await s.shot(`${f.name}-typed`);
        assert.equal(saved, typed, `${f.name} differs from what was typed`);
      } catch (e) {
        const png = await s?.shot(`FAILED-${f.name}`).catch(() => null);
        if (png) e.message += `\n(screenshot: ${png})`;
        throw e;
      }
    });
  }
});
