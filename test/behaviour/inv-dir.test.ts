/** Invariance and directional tests of the behavioural suite (see README.md). */
import { register } from './register';
import { DIR_TEMPLATES } from './templates-dir';
import { INV_TEMPLATES } from './templates-inv';

register([...INV_TEMPLATES, ...DIR_TEMPLATES]);
