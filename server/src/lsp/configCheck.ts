/**
 * Validation messages for `.tbsreportrc.json`: unknown keys and bad values, each naming the file and
 * the key. Kept apart from the reader (configFile.ts), which only parses; the settings store calls
 * this on what the reader returns. Values are checked by the same resolver the settings go through.
 */
import { readSuppressions } from '../engine/drafting';
import { resolveSettings } from '../engine/settings';

/** The keys a config file may hold (schemas/tbsreportrc.schema.json, plus suppressions). */
export const CONFIG_KEYS: readonly string[] = [
  'profile',
  'severity',
  'thresholds',
  'customThresholds',
  'validatedAgeRange',
  'validatedBmiRange',
  'labels',
  'enable',
  'debounceMs',
  'maxFileSize',
  'checkPlainText',
  'suppressions',
];

/** Closest known key (edit distance <= 2), for "did you mean". */
function closest(key: string): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestD = 3;
  for (const c of CONFIG_KEYS) {
    const d = distance(k, c.toLowerCase(), bestD);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Levenshtein distance, giving up above `max` (keys are short; lengths are capped). */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max || a.length > 64 || b.length > 64) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

const isBool = (v: unknown) => typeof v === 'boolean';
const isNum = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** Messages for a config file's settings, each "<file>: <key>: <what is wrong>". */
export function validateConfig(file: string, settings: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(settings)) {
    if (CONFIG_KEYS.includes(key)) continue;
    const near = closest(key);
    out.push(`${file}: unknown key "${key.slice(0, 60)}"${near ? ` (did you mean "${near}"?)` : ''}; it is ignored`);
  }
  // the engine's own checks of profile, severity, thresholds, ranges, labels
  const problems: string[] = [];
  resolveSettings(settings, problems);
  readSuppressions(settings.suppressions, problems);
  for (const p of problems) out.push(`${file}: ${p}`);
  if ('enable' in settings && !isBool(settings.enable)) out.push(`${file}: enable must be true or false`);
  if ('checkPlainText' in settings && !isBool(settings.checkPlainText))
    out.push(`${file}: checkPlainText must be true or false`);
  if ('debounceMs' in settings && !isNum(settings.debounceMs, 0, 10_000))
    out.push(`${file}: debounceMs must be a number of milliseconds from 0 to 10000`);
  if ('maxFileSize' in settings && !isNum(settings.maxFileSize, 1, 1024 * 1024 * 1024))
    out.push(`${file}: maxFileSize must be a number of bytes from 1 to 1073741824`);
  return out;
}
