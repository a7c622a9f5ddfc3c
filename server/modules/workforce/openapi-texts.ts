/** The words of the Workforce (issue 9) module in the OpenAPI document (merged by server/platform/openapi-texts.ts). */
import type { ModuleOpenApiTexts } from '../../platform/openapi-texts.ts';

export const texts: ModuleOpenApiTexts = {
  operationIds: {},
  summaries: {},
  tags: {},
  examples: {},
};
