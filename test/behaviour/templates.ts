/** Every template of the suite, for the statistics script and the meta-tests. */
import type { Template } from './harness';
import { MFT_TEMPLATES } from './templates-mft';

export const ALL_TEMPLATES: Template[] = [...MFT_TEMPLATES];
