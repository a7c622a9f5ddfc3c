/**
 * Moved to test/factories/ (inputs.ts: valid inputs; institutions.ts: rows written through the
 * service). Kept as a re-export so existing imports (tests, demo) keep working.
 */
export {
  buildClasses,
  buildInstitutionInput,
  creditCodeFor,
  csvText,
  IMPORT_HEADERS,
  importRowOf,
  multipartBody,
  SAMPLE_FILES,
} from '../../../test/factories/inputs.ts';
