/** UI text of the Supervision (issue 10) module. Keys start with `supervision.`; `en` must have every key of `zh`. */
export const zh = {} as const;

export const en: { readonly [K in keyof typeof zh]: string } = {};
