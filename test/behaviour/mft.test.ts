/**
 * Minimum-functionality tests of the behavioural suite (see README.md): per concept, and for the
 * layouts and clinical points issues 10 and 11 name. One file per worker keeps the engine's import
 * cost to two loads.
 */
import { register } from './register';
import { LAYOUT_TEMPLATES } from './templates-layouts';
import { MFT_TEMPLATES } from './templates-mft';

register([...MFT_TEMPLATES, ...LAYOUT_TEMPLATES]);
