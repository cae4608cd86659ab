/** Every template of the suite, for the statistics script and the meta-tests. */
import type { Template } from './harness';
import { DIR_TEMPLATES } from './templates-dir';
import { INV_TEMPLATES } from './templates-inv';
import { LAYOUT_TEMPLATES } from './templates-layouts';
import { MFT_TEMPLATES } from './templates-mft';

export const ALL_TEMPLATES: Template[] = [...MFT_TEMPLATES, ...LAYOUT_TEMPLATES, ...INV_TEMPLATES, ...DIR_TEMPLATES];
