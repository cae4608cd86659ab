/** Minimum-functionality tests for named layouts and clinical points (see README.md). */
import { register } from './register';
import { LAYOUT_TEMPLATES } from './templates-layouts';

register(LAYOUT_TEMPLATES);
